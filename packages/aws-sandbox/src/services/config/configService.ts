import { AwsJsonProtocol } from '../../protocols/AwsJsonProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { InputReader } from '../InputReader';
import { paginate } from '../pagination';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import { workloadOf } from '../workloadContext';
import { daysFromSeedToday } from '../../seed/seedClock';

const ERROR = 'InvalidParameterValueException';
const RESOURCE_CAP = 100;

const operations: Record<string, OperationHandler> = {
  DescribeConfigurationRecorderStatus(_input, context) {
    const { configRecorder } = workloadOf(context, 'AWS Config');
    return {
      ConfigurationRecordersStatus: [
        {
          arn: `arn:aws:config:${context.region}:${context.caller.accountId}:configuration-recorder/${configRecorder.name}`,
          name: configRecorder.name,
          lastStartTime: configRecorder.lastStartTime,
          recording: configRecorder.recording,
          lastStatus: configRecorder.lastStatus,
          lastStatusChangeTime: configRecorder.lastStartTime,
        },
      ],
    };
  },

  DescribeComplianceByConfigRule(input, context) {
    const r = new InputReader(input, 'DescribeComplianceByConfigRule', ERROR);
    const names = r.list<string>('ConfigRuleNames');
    const types = r.list<string>('ComplianceTypes');
    const rules = workloadOf(context, 'AWS Config').configRules;
    for (const name of names) {
      if (!rules.some(rule => rule.name === name)) {
        throw new AwsServiceError(
          'NoSuchConfigRuleException',
          `The ConfigRule '${name}' provided in the request is invalid. Please check the configRule name.`,
          400,
        );
      }
    }
    const selected = rules
      .filter(rule => !names.length || names.includes(rule.name))
      .map(rule => ({
        ConfigRuleName: rule.name,
        Compliance: rule.compliant
          ? { ComplianceType: 'COMPLIANT' }
          : {
              ComplianceType: 'NON_COMPLIANT',
              ComplianceContributorCount: {
                CappedCount: rule.nonCompliantCount,
                CapExceeded: false,
              },
            },
      }))
      .filter(
        rule => !types.length || types.includes(rule.Compliance.ComplianceType),
      );
    const page = paginate(
      selected,
      `DescribeComplianceByConfigRule:${names.join(',')}:${types.join(',')}`,
      r.optionalString('NextToken'),
      25,
      ERROR,
    );
    return { ComplianceByConfigRules: page.items, NextToken: page.nextToken };
  },

  GetComplianceSummaryByConfigRule(_input, context) {
    const rules = workloadOf(context, 'AWS Config').configRules;
    const compliant = rules.filter(rule => rule.compliant).length;
    return {
      ComplianceSummary: {
        CompliantResourceCount: {
          CappedCount: Math.min(compliant, RESOURCE_CAP),
          CapExceeded: compliant > RESOURCE_CAP,
        },
        NonCompliantResourceCount: {
          CappedCount: rules.length - compliant,
          CapExceeded: false,
        },
        ComplianceSummaryTimestamp: daysFromSeedToday(0),
      },
    };
  },
};

/** AWS Config over awsJson1_1. */
export const configService: ServiceDefinition = {
  signingName: 'config',
  protocol: new AwsJsonProtocol('1.1'),
  throttle: {
    code: 'ThrottlingException',
    statusCode: 400,
    message: 'Rate exceeded',
  },
  validationErrorCode: ERROR,
  operations,
};
