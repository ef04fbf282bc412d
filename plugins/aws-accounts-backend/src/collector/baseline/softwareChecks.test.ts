import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeInstanceInformationCommand,
  ListResourceComplianceSummariesCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { checkPatchCompliance, checkSsmManaged } from './softwareChecks';

const ec2Mock = mockClient(EC2Client);
const ssmMock = mockClient(SSMClient);
const ec2 = new EC2Client({ region: 'eu-west-1' });
const ssm = new SSMClient({ region: 'eu-west-1' });

const instances = (...ids: string[]) => ({
  Reservations: [{ Instances: ids.map(InstanceId => ({ InstanceId })) }],
});

beforeEach(() => {
  ec2Mock.reset();
  ssmMock.reset();
});

describe('checkSsmManaged', () => {
  it('passes when every running instance is an online managed node, following pages', async () => {
    ec2Mock
      .on(DescribeInstancesCommand)
      .resolvesOnce({ ...instances('i-1'), NextToken: 'more' })
      .resolvesOnce(instances('i-2'));
    ssmMock
      .on(DescribeInstanceInformationCommand)
      .resolvesOnce({
        InstanceInformationList: [{ InstanceId: 'i-1', PingStatus: 'Online' }],
        NextToken: 'more',
      })
      .resolvesOnce({
        InstanceInformationList: [{ InstanceId: 'i-2', PingStatus: 'Online' }],
      });

    await expect(checkSsmManaged(ec2, ssm, 'eu-west-1')).resolves.toEqual({
      status: 'PASS',
      evidence: [],
    });
    expect(ec2Mock).toHaveReceivedCommandWith(DescribeInstancesCommand, {
      Filters: [{ Name: 'instance-state-name', Values: ['running'] }],
    });
    expect(ssmMock).toHaveReceivedCommandTimes(
      DescribeInstanceInformationCommand,
      2,
    );
  });

  it('fails with the unmanaged and offline instances', async () => {
    ec2Mock
      .on(DescribeInstancesCommand)
      .resolves(instances('i-1', 'i-2', 'i-3'));
    ssmMock.on(DescribeInstanceInformationCommand).resolves({
      InstanceInformationList: [
        { InstanceId: 'i-1', PingStatus: 'Online' },
        { InstanceId: 'i-2', PingStatus: 'ConnectionLost' },
      ],
    });

    const outcome = await checkSsmManaged(ec2, ssm, 'eu-west-1');

    expect(outcome.status).toBe('FAIL');
    expect(outcome.evidence).toEqual([
      {
        resourceId: 'i-2',
        resourceType: 'AwsEc2Instance',
        region: 'eu-west-1',
        detail: 'Systems Manager agent ping status is ConnectionLost',
      },
      {
        resourceId: 'i-3',
        resourceType: 'AwsEc2Instance',
        region: 'eu-west-1',
        detail: 'not a Systems Manager managed node',
      },
    ]);
  });

  it('is not applicable without running instances, and does not call SSM', async () => {
    ec2Mock.on(DescribeInstancesCommand).resolves({ Reservations: [] });

    const outcome = await checkSsmManaged(ec2, ssm, 'eu-west-1');

    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(outcome.reason).toContain('no running EC2 instances');
    expect(ssmMock).not.toHaveReceivedAnyCommand();
  });
});

describe('checkPatchCompliance', () => {
  it('passes when every managed node is compliant, asking only for Patch', async () => {
    ssmMock.on(ListResourceComplianceSummariesCommand).resolves({
      ResourceComplianceSummaryItems: [
        { ResourceId: 'i-1', ComplianceType: 'Patch', Status: 'COMPLIANT' },
      ],
    });

    await expect(checkPatchCompliance(ssm, 'eu-west-1')).resolves.toEqual({
      status: 'PASS',
      evidence: [],
    });
    expect(ssmMock).toHaveReceivedCommandWith(
      ListResourceComplianceSummariesCommand,
      {
        Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }],
      },
    );
  });

  it('fails with the non-compliant nodes', async () => {
    ssmMock
      .on(ListResourceComplianceSummariesCommand)
      .resolvesOnce({
        ResourceComplianceSummaryItems: [
          { ResourceId: 'i-1', Status: 'COMPLIANT' },
        ],
        NextToken: 'more',
      })
      .resolvesOnce({
        ResourceComplianceSummaryItems: [
          {
            ResourceId: 'i-2',
            Status: 'NON_COMPLIANT',
            OverallSeverity: 'HIGH',
            NonCompliantSummary: { NonCompliantCount: 3 },
          },
        ],
      });

    const outcome = await checkPatchCompliance(ssm, 'eu-west-1');

    expect(outcome).toEqual({
      status: 'FAIL',
      evidence: [
        {
          resourceId: 'i-2',
          resourceType: 'AwsSsmPatchCompliance',
          region: 'eu-west-1',
          detail:
            'patch compliance is NON_COMPLIANT (3 non-compliant patches, overall severity HIGH)',
        },
      ],
    });
  });

  it('is not applicable when no node reports patch compliance', async () => {
    ssmMock
      .on(ListResourceComplianceSummariesCommand)
      .resolves({ ResourceComplianceSummaryItems: [] });

    const outcome = await checkPatchCompliance(ssm, 'eu-west-1');

    expect(outcome.status).toBe('NOT_APPLICABLE');
  });
});
