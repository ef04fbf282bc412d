import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_AWS_ACCOUNT_ID } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * Whether an entity carries the `amazonaws.com/account-id` annotation, so
 * that the posture cards and tabs apply to it.
 *
 * @public
 */
export function isAwsAccountEntity(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID]);
}
