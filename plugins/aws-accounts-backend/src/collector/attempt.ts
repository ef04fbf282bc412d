import { SourceError } from '@sra-backstage/plugin-aws-accounts-common';
import { describeAwsError } from './describeAwsError';

/**
 * Runs one read; on failure records why under the source and Region and
 * gives undefined, so the caller reports UNKNOWN instead of a number.
 */
export async function attempt<T>(
  errors: SourceError[],
  source: string,
  region: string | undefined,
  what: string,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    errors.push({ source, region, reason: describeAwsError(error, what) });
    return undefined;
  }
}
