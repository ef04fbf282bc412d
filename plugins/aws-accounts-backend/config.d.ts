import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  awsAccounts?: {
    /** Settings of the posture service (`@sra-backstage/plugin-aws-accounts-backend`). */
    posture?: {
      /**
       * Where Security Hub, Inspector and GuardDuty are read.
       * `delegatedAdmin` (the SRA way, the default when
       * `awsAccounts.securityTooling` is set) reads them once from the
       * Security Tooling account for all accounts; `perAccount` assumes
       * `awsAccounts.readRoleName` in each account. Config, Access Analyzer
       * and the direct baseline checks always use the role in the account.
       */
      mode?: 'delegatedAdmin' | 'perAccount';
      /**
       * How often the collection runs and how long a run may take. Defaults
       * to every hour with a 50 minute timeout.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Days posture snapshots are kept. Defaults to 90. */
      retentionDays?: number;
      /**
       * Minutes an incremental read reaches back before the last successful
       * read, for findings that AWS indexes late. Defaults to 15.
       */
      overlapMinutes?: number;
      /** Accounts collected at the same time. Defaults to 8. */
      concurrency?: number;
      /**
       * Seconds between two refreshes of the same account through
       * `POST /accounts/:accountId/refresh`. Defaults to 300.
       */
      refreshIntervalSeconds?: number;
      /**
       * The organizational unit (id such as `ou-abcd-12345678`, or path
       * such as `Root/Workloads`) whose enrolled children the scaffolder's
       * picker offers when no `parent` is given. Defaults to the root.
       */
      organizationalUnitsParent?: string;
    };
  };
}
