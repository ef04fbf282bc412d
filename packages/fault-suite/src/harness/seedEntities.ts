import { Entity } from '@backstage/catalog-model';
import { SandboxSeed } from '@sra-backstage/aws-sandbox';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID,
  ANNOTATION_AWS_ORGANIZATIONAL_UNIT_PATH,
  LABEL_AWS_ACCOUNT_STATUS,
  LABEL_AWS_ENVIRONMENT,
} from '@sra-backstage/plugin-aws-accounts-common';

/**
 * The catalog entities the entity provider emits for the seeded accounts
 * (kind Resource, `aws-account-<id>`, owner and system from the tags), so
 * the posture plugin reads its accounts through its real catalog reader.
 */
export function seedEntities(seed: SandboxSeed): Entity[] {
  const units = new Map(seed.organizationalUnits.map(unit => [unit.id, unit]));
  const pathOf = (parentId: string): string => {
    const unit = units.get(parentId);
    return unit ? `${pathOf(unit.parentId)}/${unit.name}` : 'Root';
  };

  return seed.accounts.map(account => {
    const labels: Record<string, string> = {
      [LABEL_AWS_ACCOUNT_STATUS]: account.status,
    };
    if (account.tags.environment) {
      labels[LABEL_AWS_ENVIRONMENT] = account.tags.environment;
    }
    const spec: Record<string, string> = {
      type: 'aws-account',
      owner: `group:default/${account.tags.owner ?? 'team-platform'}`,
    };
    if (account.tags.application) {
      spec.system = account.tags.application;
    }
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: `aws-account-${account.id}`,
        namespace: 'default',
        title: account.name,
        annotations: {
          [ANNOTATION_AWS_ACCOUNT_ID]: account.id,
          [ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID]: account.parentId,
          [ANNOTATION_AWS_ORGANIZATIONAL_UNIT_PATH]: pathOf(account.parentId),
        },
        labels,
      },
      spec,
    };
  });
}
