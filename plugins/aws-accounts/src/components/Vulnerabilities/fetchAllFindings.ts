import {
  Finding,
  MAX_FINDINGS_PAGE_SIZE,
} from '@sra-backstage/plugin-aws-accounts-common';
import { AwsAccountsApi } from '../../api';
import { FindingsFilter } from './findingsFilter';

/**
 * Every finding that matches the filter, read page by page with the largest
 * page the service serves; the filtering stays on the server.
 *
 * @internal
 */
export async function fetchAllFindings(
  api: AwsAccountsApi,
  accountId: string,
  filter: FindingsFilter,
  onProgress?: (read: number, total: number) => void,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  let cursor: string | undefined = undefined;

  do {
    const page = await api.listFindings(accountId, {
      ...filter,
      cursor,
      limit: MAX_FINDINGS_PAGE_SIZE,
    });
    findings.push(...page.items);
    onProgress?.(findings.length, page.totalCount);
    cursor = page.nextCursor;
  } while (cursor);

  return findings;
}
