import { AwsJsonProtocol } from '../../protocols/AwsJsonProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { InputReader } from '../InputReader';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import { workloadOf } from '../workloadContext';

const ERROR = 'WAFInvalidParameterException';

const operations: Record<string, OperationHandler> = {
  ListWebACLs(input, context) {
    const scope = new InputReader(input, 'ListWebACLs', ERROR).string('Scope');
    if (scope !== 'REGIONAL' && scope !== 'CLOUDFRONT') {
      throw new AwsServiceError(
        ERROR,
        `Scope must be REGIONAL or CLOUDFRONT, got ${scope}.`,
        400,
        { Field: 'SCOPE_VALUE' },
      );
    }
    const acls = scope === 'REGIONAL' ? workloadOf(context, 'WAF').webAcls : [];
    return {
      WebACLs: acls.map(a => ({
        Name: a.name,
        Id: a.id,
        ARN: a.arn,
        Description: '',
        LockToken: a.id.slice(0, 8),
      })),
    };
  },

  GetWebACLForResource(input, context) {
    const arn = new InputReader(input, 'GetWebACLForResource', ERROR).string(
      'ResourceArn',
    );
    const acl = workloadOf(context, 'WAF').webAcls.find(a =>
      a.associated.includes(arn),
    );
    if (!acl) {
      return {};
    }
    return {
      WebACL: {
        Name: acl.name,
        Id: acl.id,
        ARN: acl.arn,
        DefaultAction: { Allow: {} },
        Rules: Array.from({ length: acl.rules }, (_, i) => ({
          Name:
            [
              'AWSManagedRulesCommonRuleSet',
              'AWSManagedRulesKnownBadInputsRuleSet',
              'RateLimit',
            ][i] ?? `Rule${i}`,
          Priority: i,
          OverrideAction: { None: {} },
          Statement: {
            ManagedRuleGroupStatement: {
              VendorName: 'AWS',
              Name: 'AWSManagedRulesCommonRuleSet',
            },
          },
          VisibilityConfig: {
            SampledRequestsEnabled: true,
            CloudWatchMetricsEnabled: true,
            MetricName: `rule-${i}`,
          },
        })),
        VisibilityConfig: {
          SampledRequestsEnabled: true,
          CloudWatchMetricsEnabled: true,
          MetricName: acl.name,
        },
        Capacity: 700,
        ManagedByFirewallManager: false,
      },
    };
  },
};

/** AWS WAFv2 over awsJson1_1. */
export const wafv2Service: ServiceDefinition = {
  signingName: 'wafv2',
  protocol: new AwsJsonProtocol('1.1'),
  throttle: {
    code: 'WAFLimitsExceededException',
    statusCode: 400,
    message: 'Rate exceeded',
  },
  validationErrorCode: ERROR,
  operations,
};
