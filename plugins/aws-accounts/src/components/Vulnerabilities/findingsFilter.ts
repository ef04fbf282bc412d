import { FindingsQuery } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * What the user filtered and sorted the findings table by. Paging fields are
 * kept apart because every change here starts again at the first page.
 *
 * @internal
 */
export type FindingsFilter = Omit<FindingsQuery, 'cursor' | 'limit'>;

/** Active Inspector findings, worst first. @internal */
export const DEFAULT_FINDINGS_FILTER: FindingsFilter = {
  source: 'inspector',
  status: 'ACTIVE',
  severity: [],
  sort: 'severity',
  order: 'desc',
};

/** Inspector's resource types, in the words the table shows. @internal */
export const RESOURCE_TYPE_NAMES: Record<string, string> = {
  AWS_EC2_INSTANCE: 'EC2 instance',
  AWS_ECR_CONTAINER_IMAGE: 'ECR image',
  AWS_ECR_REPOSITORY: 'ECR repository',
  AWS_LAMBDA_FUNCTION: 'Lambda function',
};

/** @internal */
export function resourceTypeName(resourceType: string | undefined): string {
  if (!resourceType) {
    return '';
  }
  return RESOURCE_TYPE_NAMES[resourceType] ?? resourceType;
}
