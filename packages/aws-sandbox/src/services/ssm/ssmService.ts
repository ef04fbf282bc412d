import { AwsJsonProtocol } from '../../protocols/AwsJsonProtocol';
import { InputReader } from '../InputReader';
import { paginate } from '../pagination';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import { workloadOf } from '../workloadContext';
import { daysFromSeedToday } from '../../seed/seedClock';

const ERROR = 'ValidationException';

const operations: Record<string, OperationHandler> = {
  DescribeInstanceInformation(input, context) {
    const r = new InputReader(input, 'DescribeInstanceInformation', ERROR);
    const items = workloadOf(context, 'Systems Manager').ssmInstances.map(
      i => ({
        InstanceId: i.instanceId,
        PingStatus: i.pingStatus,
        LastPingDateTime: daysFromSeedToday(0),
        AgentVersion: '3.3.987.0',
        IsLatestVersion: true,
        PlatformType: 'Linux',
        PlatformName: 'Amazon Linux',
        PlatformVersion: '2023',
        ResourceType: 'EC2Instance',
      }),
    );
    const page = paginate(
      items,
      'DescribeInstanceInformation',
      r.optionalString('NextToken'),
      r.pageSize('MaxResults', 50, 50),
      ERROR,
    );
    return { InstanceInformationList: page.items, NextToken: page.nextToken };
  },

  ListResourceComplianceSummaries(input, context) {
    const r = new InputReader(input, 'ListResourceComplianceSummaries', ERROR);
    const filters = r.list<{ Key?: string; Values?: string[] }>('Filters');
    const type = filters.find(f => f.Key === 'ComplianceType')?.Values ?? [];
    const items = workloadOf(context, 'Systems Manager')
      .ssmInstances.map(i => ({
        ComplianceType: 'Patch',
        ResourceType: 'ManagedInstance',
        ResourceId: i.instanceId,
        Status: i.patchCompliant ? 'COMPLIANT' : 'NON_COMPLIANT',
        OverallSeverity: i.patchCompliant ? 'UNSPECIFIED' : 'HIGH',
        ExecutionSummary: {
          ExecutionTime: daysFromSeedToday(-1),
          ExecutionType: 'Command',
        },
        CompliantSummary: { CompliantCount: 42 },
        NonCompliantSummary: { NonCompliantCount: i.patchCompliant ? 0 : 3 },
      }))
      .filter(item => !type.length || type.includes(item.ComplianceType));
    const page = paginate(
      items,
      `ListResourceComplianceSummaries:${type.join(',')}`,
      r.optionalString('NextToken'),
      r.pageSize('MaxResults', 50, 50),
      ERROR,
    );
    return {
      ResourceComplianceSummaryItems: page.items,
      NextToken: page.nextToken,
    };
  },
};

/** AWS Systems Manager over awsJson1_1. */
export const ssmService: ServiceDefinition = {
  signingName: 'ssm',
  protocol: new AwsJsonProtocol('1.1'),
  throttle: {
    code: 'ThrottlingException',
    statusCode: 400,
    message: 'Rate exceeded',
  },
  validationErrorCode: ERROR,
  operations,
};
