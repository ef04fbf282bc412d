import { AwsServiceError } from '../../protocols/AwsServiceError';
import { RestXmlProtocol } from '../../protocols/RestXmlProtocol';
import {
  OperationContext,
  OperationHandler,
  ServiceDefinition,
} from '../ServiceDefinition';
import { PublicAccessBlock } from '../../state/SandboxState';

const PATH = '/v20180820/configuration/publicAccessBlock';
const FLAGS: (keyof PublicAccessBlock)[] = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
];

/** The account in `x-amz-account-id` must be the caller's own. */
function targetAccount(
  input: Record<string, unknown>,
  context: OperationContext,
) {
  const accountId = input.AccountId;
  if (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId)) {
    throw new AwsServiceError(
      'InvalidRequest',
      'The x-amz-account-id header is missing or not twelve digits; pass AccountId.',
      400,
    );
  }
  if (accountId !== context.caller.accountId) {
    throw new AwsServiceError(
      'AccessDenied',
      `Access Denied: account ${context.caller.accountId} cannot manage S3 settings of account ${accountId}; use credentials of that account.`,
      403,
    );
  }
  return accountId;
}

const operations: Record<string, OperationHandler> = {
  GetPublicAccessBlock(input, context) {
    const accountId = targetAccount(input, context);
    const block = context.state.publicAccessBlock(accountId);
    if (!block) {
      throw new AwsServiceError(
        'NoSuchPublicAccessBlockConfiguration',
        'The public access block configuration was not found',
        404,
      );
    }
    return {
      rootName: 'PublicAccessBlockConfiguration',
      content: { ...block },
    };
  },

  PutPublicAccessBlock(input, context) {
    const accountId = targetAccount(input, context);
    const given = input.PublicAccessBlockConfiguration as
      | Record<string, unknown>
      | undefined;
    if (!given || typeof given !== 'object') {
      throw new AwsServiceError(
        'MalformedXML',
        'The request body must be a PublicAccessBlockConfiguration document.',
        400,
      );
    }
    const block = Object.fromEntries(
      FLAGS.map(flag => [flag, String(given[flag]) === 'true']),
    ) as unknown as PublicAccessBlock;
    context.state.publicAccessBlocks.set(accountId, block);
    return undefined;
  },

  DeletePublicAccessBlock(input, context) {
    context.state.publicAccessBlocks.set(targetAccount(input, context), null);
    return undefined;
  },
};

/** S3 Control (account-level Block Public Access) over restXml. */
export const s3ControlService: ServiceDefinition = {
  signingName: 's3',
  protocol: new RestXmlProtocol(
    [
      { method: 'GET', path: PATH, operation: 'GetPublicAccessBlock' },
      { method: 'PUT', path: PATH, operation: 'PutPublicAccessBlock' },
      { method: 'DELETE', path: PATH, operation: 'DeletePublicAccessBlock' },
    ],
    'http://awss3control.amazonaws.com/doc/2018-08-20/',
  ),
  throttle: {
    code: 'SlowDown',
    statusCode: 503,
    message: 'Please reduce your request rate.',
  },
  validationErrorCode: 'InvalidRequest',
  operations,
};
