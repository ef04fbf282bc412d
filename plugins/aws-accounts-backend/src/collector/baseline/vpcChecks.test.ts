import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { listVpcIds } from './networkChecks';
import { checkPrivateSubnets, checkVpcEndpoints } from './vpcChecks';

const ec2Mock = mockClient(EC2Client);
const ec2 = new EC2Client({ region: 'us-east-1' });

beforeEach(() => ec2Mock.reset());

const routeTables = {
  RouteTables: [
    {
      RouteTableId: 'rtb-public',
      VpcId: 'vpc-1',
      Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }],
      Associations: [{ SubnetId: 'subnet-pub-a' }, { Main: true }],
    },
    {
      RouteTableId: 'rtb-private',
      VpcId: 'vpc-1',
      Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }],
      Associations: [
        { SubnetId: 'subnet-app-a' },
        { SubnetId: 'subnet-app-b' },
      ],
    },
  ],
};

const subnet = (SubnetId: string, AvailabilityZone: string, map = false) => ({
  SubnetId,
  VpcId: 'vpc-1',
  AvailabilityZone,
  MapPublicIpOnLaunch: map,
});

describe('checkPrivateSubnets', () => {
  it('passes with private subnets in two zones and no public IPs on launch', async () => {
    ec2Mock.on(DescribeRouteTablesCommand).resolves(routeTables);
    ec2Mock
      .on(DescribeSubnetsCommand)
      .resolvesOnce({
        Subnets: [subnet('subnet-pub-a', 'us-east-1a')],
        NextToken: 'more',
      })
      .resolvesOnce({
        Subnets: [
          subnet('subnet-app-a', 'us-east-1a'),
          subnet('subnet-app-b', 'us-east-1b'),
        ],
      });

    await expect(checkPrivateSubnets(ec2, 'us-east-1')).resolves.toEqual({
      status: 'PASS',
      evidence: [],
    });
    expect(ec2Mock).toHaveReceivedCommandTimes(DescribeSubnetsCommand, 2);
  });

  it('fails subnets that assign public IPs and VPCs with private subnets in one zone', async () => {
    ec2Mock.on(DescribeRouteTablesCommand).resolves(routeTables);
    ec2Mock.on(DescribeSubnetsCommand).resolves({
      Subnets: [
        subnet('subnet-pub-a', 'us-east-1a', true),
        subnet('subnet-app-a', 'us-east-1a'),
        // no explicit association: the main table routes to the internet
        subnet('subnet-other-b', 'us-east-1b'),
      ],
    });

    const outcome = await checkPrivateSubnets(ec2, 'us-east-1');

    expect(outcome.status).toBe('FAIL');
    expect(outcome.evidence).toEqual([
      {
        resourceId: 'subnet-pub-a',
        resourceType: 'AwsEc2Subnet',
        region: 'us-east-1',
        detail: 'assigns public IPv4 addresses on launch',
      },
      {
        resourceId: 'vpc-1',
        resourceType: 'AwsEc2Vpc',
        region: 'us-east-1',
        detail:
          'private subnets in 1 Availability Zone; the app and DB tiers need 2 or more',
      },
    ]);
  });

  it('is not applicable without subnets', async () => {
    ec2Mock.on(DescribeRouteTablesCommand).resolves({ RouteTables: [] });
    ec2Mock.on(DescribeSubnetsCommand).resolves({ Subnets: [] });

    const outcome = await checkPrivateSubnets(ec2, 'us-east-1');

    expect(outcome.status).toBe('NOT_APPLICABLE');
  });
});

const narrowPolicy = JSON.stringify({
  Statement: [
    {
      Effect: 'Allow',
      Principal: '*',
      Action: '*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-example' } },
    },
  ],
});
const openPolicy = JSON.stringify({
  Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*' }],
});

function endpoint(service: string, overrides: VpcEndpoint = {}): VpcEndpoint {
  return {
    VpcEndpointId: `vpce-${service}`,
    VpcId: 'vpc-1',
    ServiceName: `com.amazonaws.us-east-1.${service}`,
    State: 'Available',
    PolicyDocument: narrowPolicy,
    ...overrides,
  };
}

describe('checkVpcEndpoints', () => {
  it('passes when every VPC has the five endpoints with narrow policies', async () => {
    ec2Mock.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1' }] });
    ec2Mock
      .on(DescribeVpcEndpointsCommand)
      .resolvesOnce({
        VpcEndpoints: [endpoint('kms'), endpoint('ssm')],
        NextToken: 'more',
      })
      .resolvesOnce({
        VpcEndpoints: [
          endpoint('ssmmessages'),
          endpoint('ec2messages'),
          endpoint('s3'),
        ],
      });

    await expect(
      checkVpcEndpoints(ec2, 'us-east-1', await listVpcIds(ec2)),
    ).resolves.toEqual({
      status: 'PASS',
      evidence: [],
    });
  });

  it('fails VPCs with missing, unavailable or open endpoints', async () => {
    ec2Mock
      .on(DescribeVpcsCommand)
      .resolves({ Vpcs: [{ VpcId: 'vpc-1' }, { VpcId: 'vpc-2' }] });
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({
      VpcEndpoints: [
        endpoint('kms', { PolicyDocument: openPolicy }),
        endpoint('ssm', { State: 'PendingAcceptance' }),
        endpoint('ssmmessages', { PolicyDocument: undefined }),
        endpoint('ec2messages'),
        endpoint('s3'),
      ],
    });

    const outcome = await checkVpcEndpoints(
      ec2,
      'us-east-1',
      await listVpcIds(ec2),
    );

    expect(outcome).toEqual({
      status: 'FAIL',
      evidence: [
        {
          resourceId: 'vpc-1',
          resourceType: 'AwsEc2Vpc',
          region: 'us-east-1',
          detail:
            'kms endpoint policy allows Principal *; ssm endpoint is PendingAcceptance',
        },
        {
          resourceId: 'vpc-2',
          resourceType: 'AwsEc2Vpc',
          region: 'us-east-1',
          detail:
            'no kms endpoint; no ssm endpoint; no ssmmessages endpoint; no ec2messages endpoint; no s3 endpoint',
        },
      ],
    });
  });

  it('is unknown, not failed, when the answer leaves out the deciding fields', async () => {
    ec2Mock.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1' }] });
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({
      VpcEndpoints: [
        endpoint('kms', { PolicyDocument: undefined }),
        endpoint('ssm', { State: undefined }),
        endpoint('ssmmessages'),
        endpoint('ec2messages'),
        endpoint('s3'),
      ],
    });

    const outcome = await checkVpcEndpoints(
      ec2,
      'us-east-1',
      await listVpcIds(ec2),
    );

    expect(outcome.status).toBe('UNKNOWN');
    expect(outcome.reason).toBe(
      'DescribeVpcEndpoints left out what decides: vpc-1 kms: endpoint policy not returned; vpc-1 ssm: endpoint without a state',
    );
  });

  it('is not applicable without VPCs', async () => {
    ec2Mock.on(DescribeVpcsCommand).resolves({ Vpcs: [] });

    const outcome = await checkVpcEndpoints(
      ec2,
      'us-east-1',
      await listVpcIds(ec2),
    );

    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(ec2Mock).not.toHaveReceivedCommand(DescribeVpcEndpointsCommand);
  });
});
