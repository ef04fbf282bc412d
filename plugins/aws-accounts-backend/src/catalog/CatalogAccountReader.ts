import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID,
  ANNOTATION_AWS_ORGANIZATIONAL_UNIT_PATH,
  isAwsAccountId,
  LABEL_AWS_ACCOUNT_STATUS,
  LABEL_AWS_ENVIRONMENT,
} from '@sra-backstage/plugin-aws-accounts-common';
import { AccountRecord } from '../database/AccountStore';

/** Reads the accounts to collect. */
export interface AccountReader {
  read(): Promise<AccountRecord[]>;
}

const ENTITY_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'metadata.labels',
  'spec.owner',
  'spec.system',
];

function toAccount(entity: Entity): AccountRecord | undefined {
  const accountId = entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];
  if (!isAwsAccountId(accountId)) {
    return undefined;
  }
  const spec = entity.spec ?? {};
  return {
    accountId,
    name: entity.metadata.title ?? entity.metadata.name,
    entityRef: stringifyEntityRef(entity),
    owner: typeof spec.owner === 'string' ? spec.owner : undefined,
    application: typeof spec.system === 'string' ? spec.system : undefined,
    environment: entity.metadata.labels?.[LABEL_AWS_ENVIRONMENT],
    organizationalUnitId:
      entity.metadata.annotations?.[ANNOTATION_AWS_ORGANIZATIONAL_UNIT_ID],
    organizationalUnitPath:
      entity.metadata.annotations?.[ANNOTATION_AWS_ORGANIZATIONAL_UNIT_PATH],
    status: entity.metadata.labels?.[LABEL_AWS_ACCOUNT_STATUS],
  };
}

/**
 * The accounts are the catalog entities that carry the
 * `amazonaws.com/account-id` annotation, read with the plugin's own service
 * credentials. When two entities claim one account, the first by entity ref
 * wins, so the choice is stable from run to run.
 */
export class CatalogAccountReader implements AccountReader {
  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
  }): CatalogAccountReader {
    return new CatalogAccountReader(options.catalog, options.auth);
  }

  private constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async read(): Promise<AccountRecord[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_AWS_ACCOUNT_ID}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: ENTITY_FIELDS,
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );

    const byAccount = new Map<string, AccountRecord>();
    const accounts = items
      .flatMap(entity => {
        const account = toAccount(entity);
        return account ? [account] : [];
      })
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    for (const account of accounts) {
      if (!byAccount.has(account.accountId)) {
        byAccount.set(account.accountId, account);
      }
    }
    return [...byAccount.values()];
  }
}
