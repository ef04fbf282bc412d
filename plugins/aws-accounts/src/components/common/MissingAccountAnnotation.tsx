import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import { ANNOTATION_AWS_ACCOUNT_ID } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * Shown when a posture view is placed on an entity without an account id.
 *
 * @internal
 */
export function MissingAccountAnnotation() {
  return <MissingAnnotationEmptyState annotation={ANNOTATION_AWS_ACCOUNT_ID} />;
}
