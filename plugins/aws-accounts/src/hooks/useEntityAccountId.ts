import { useEntity } from '@backstage/plugin-catalog-react';
import { ANNOTATION_AWS_ACCOUNT_ID } from '@sra-backstage/plugin-aws-accounts-common';
import { stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The AWS account id and entity reference of the entity on the page.
 * The id is undefined when the entity has no account annotation.
 *
 * @internal
 */
export function useEntityAccountId(): {
  accountId: string | undefined;
  entityRef: string;
} {
  const { entity } = useEntity();
  return {
    accountId: entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID],
    entityRef: stringifyEntityRef(entity),
  };
}
