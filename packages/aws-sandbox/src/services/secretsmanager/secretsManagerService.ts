import { AwsJsonProtocol } from '../../protocols/AwsJsonProtocol';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import { workloadOf } from '../workloadContext';

const operations: Record<string, OperationHandler> = {
  ListSecrets(_input, context) {
    return {
      SecretList: workloadOf(context, 'Secrets Manager').secrets.map(s => ({
        ARN: s.arn,
        Name: s.name,
        RotationEnabled: s.rotationEnabled,
        RotationRules: s.rotationEnabled
          ? { AutomaticallyAfterDays: 30 }
          : undefined,
        LastRotatedDate: s.lastRotated,
        LastChangedDate: s.lastRotated,
        CreatedDate: new Date('2025-06-01T08:00:00Z'),
      })),
    };
  },
};

/** AWS Secrets Manager over awsJson1_1. */
export const secretsManagerService: ServiceDefinition = {
  signingName: 'secretsmanager',
  protocol: new AwsJsonProtocol('1.1'),
  throttle: {
    code: 'ThrottlingException',
    statusCode: 400,
    message: 'Rate exceeded',
  },
  validationErrorCode: 'InvalidParameterException',
  operations,
};
