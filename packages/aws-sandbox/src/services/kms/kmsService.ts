import { AwsJsonProtocol } from '../../protocols/AwsJsonProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { InputReader } from '../InputReader';
import {
  OperationContext,
  OperationHandler,
  ServiceDefinition,
} from '../ServiceDefinition';
import { workloadOf } from '../workloadContext';

const ERROR = 'ValidationException';

function requireKey(
  input: Record<string, unknown>,
  operation: string,
  context: OperationContext,
) {
  const id = new InputReader(input, operation, ERROR).string('KeyId');
  const key = workloadOf(context, 'KMS').keys.find(
    k => k.keyId === id || k.arn === id,
  );
  if (!key) {
    throw new AwsServiceError(
      'NotFoundException',
      `Key '${id}' does not exist`,
      400,
    );
  }
  return key;
}

const operations: Record<string, OperationHandler> = {
  ListKeys(_input, context) {
    return {
      Keys: workloadOf(context, 'KMS').keys.map(k => ({
        KeyId: k.keyId,
        KeyArn: k.arn,
      })),
      Truncated: false,
    };
  },

  DescribeKey(input, context) {
    const key = requireKey(input, 'DescribeKey', context);
    return {
      KeyMetadata: {
        AWSAccountId: context.caller.accountId,
        KeyId: key.keyId,
        Arn: key.arn,
        CreationDate: new Date('2025-06-01T08:00:00Z'),
        Enabled: true,
        Description: key.description,
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: key.manager,
        KeySpec: 'SYMMETRIC_DEFAULT',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
      },
    };
  },

  GetKeyRotationStatus(input, context) {
    const key = requireKey(input, 'GetKeyRotationStatus', context);
    return {
      KeyRotationEnabled: key.rotation,
      KeyId: key.arn,
      RotationPeriodInDays: 365,
    };
  },
};

/** AWS KMS over awsJson1_1. */
export const kmsService: ServiceDefinition = {
  signingName: 'kms',
  protocol: new AwsJsonProtocol('1.1'),
  throttle: {
    code: 'ThrottlingException',
    statusCode: 400,
    message: 'Rate exceeded',
  },
  validationErrorCode: ERROR,
  operations,
};
