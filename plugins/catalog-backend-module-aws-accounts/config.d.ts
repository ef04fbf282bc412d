import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The entity provider that turns the accounts of the AWS organization
       * into Resource entities. Which account Organizations is read from is
       * set under `awsAccounts.organization`; credentials come from the
       * `aws` integration config.
       */
      awsAccounts?: {
        /**
         * How often the organization is read. Defaults to every 30 minutes,
         * with a 25 minute timeout: at the default request rate a read of
         * 5,000 accounts takes about 11 minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** `spec.type` of the entities. Defaults to `aws-account`. */
        entityType?: string;
        /**
         * The account tag that holds the owning group, by name
         * (`team-payments`) or as an entity reference (`group:ops/sre`).
         * Defaults to `owner`.
         */
        ownerTag?: string;
        /**
         * The owner of accounts without a usable owner tag, as an entity
         * reference (a bare name means a group in the default namespace).
         * Without it such accounts are left out of the catalog.
         */
        fallbackOwner?: string;
        /** The account tag that names the system. Defaults to `application`. */
        applicationTag?: string;
        /**
         * The account tag that names the environment. Defaults to
         * `environment`; without it the environment comes from the name of
         * the nearest organizational unit (Prod, Staging, Dev, ...).
         */
        environmentTag?: string;
        /** Keep suspended accounts in the catalog. Defaults to false. */
        includeSuspended?: boolean;
        /** Keep closed and closing accounts in the catalog. Defaults to false. */
        includeClosed?: boolean;
        /**
         * Organizations requests started per second. Defaults to 8, below
         * the Organizations throttling rate.
         */
        requestsPerSecond?: number;
        /** Organizations requests in flight at once. Defaults to 4. */
        maxConcurrency?: number;
      };
    };
  };
}
