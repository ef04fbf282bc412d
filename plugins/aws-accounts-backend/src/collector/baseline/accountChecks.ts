import {
  GetPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { CheckOutcome, failIfAny } from './CheckOutcome';

const BPA_FLAGS = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
] as const;

/**
 * `s3-account-bpa`: all four account-level Block Public Access flags are
 * on. No configuration at all means all four are off.
 */
export async function checkS3AccountBlockPublicAccess(
  s3control: S3ControlClient,
  accountId: string,
): Promise<CheckOutcome> {
  let configuration: Partial<Record<(typeof BPA_FLAGS)[number], boolean>> = {};
  try {
    const response = await s3control.send(
      new GetPublicAccessBlockCommand({ AccountId: accountId }),
    );
    configuration = response.PublicAccessBlockConfiguration ?? {};
  } catch (error) {
    if (
      !(error instanceof Error) ||
      error.name !== 'NoSuchPublicAccessBlockConfiguration'
    ) {
      throw error;
    }
  }

  const off = BPA_FLAGS.filter(flag => configuration[flag] !== true);
  return failIfAny(
    off.length > 0
      ? [
          {
            resourceId: accountId,
            resourceType: 'AwsAccount',
            detail: `off: ${off.join(', ')}`,
          },
        ]
      : [],
  );
}
