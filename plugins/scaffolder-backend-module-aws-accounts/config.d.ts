export interface Config {
  awsAccounts?: {
    /**
     * Account vending through Control Tower Account Factory. The home Region
     * (`awsAccounts.region`) is where Service Catalog and Organizations are
     * called; the governed Regions (`awsAccounts.regions`) are the Regions the
     * baseline is applied in.
     */
    vending?: {
      /** The Account Factory product in Service Catalog. */
      accountFactory?: {
        /** Product id, for example prod-abcd1234. Wins over the name. */
        productId?: string;
        /** Product name. Defaults to "AWS Control Tower Account Factory". */
        productName?: string;
        /** Provisioning artifact id; defaults to the product's default one. */
        provisioningArtifactId?: string;
        /** Launch path id; defaults to the only launch path. */
        launchPathId?: string;
      };
      /**
       * Environment name (prod, staging, dev, ...) mapped to the id of the
       * organizational unit, enrolled in Control Tower, that its accounts go
       * to.
       */
      organizationalUnits?: { [environment: string]: string };
      /**
       * Pattern of the default account email. Placeholders: {application},
       * {environment}, {accountName}. For example
       * `aws+{application}-{environment}@example.com`.
       */
      accountEmailPattern?: string;
      /**
       * Pattern of the default account name. Placeholders: {application},
       * {environment}. Defaults to `{application}-{environment}`.
       */
      accountNamePattern?: string;
      /** Minutes to wait for a provisioning record. Defaults to 60. */
      timeoutMinutes?: number;
      /** Polling of records and stacks, in seconds. */
      polling?: {
        /** First wait between two polls. Defaults to 5. */
        initialIntervalSeconds?: number;
        /** Longest wait between two polls. Defaults to 30. */
        maxIntervalSeconds?: number;
      };
      /**
       * Retries when Account Factory is busy with another operation
       * (ResourceInUseException).
       */
      busyRetry?: {
        /** Attempts including the first. Defaults to 6. */
        attempts?: number;
        /** First wait in seconds, doubled each time. Defaults to 30. */
        initialDelaySeconds?: number;
        /** Longest wait in seconds. Defaults to 300. */
        maxDelaySeconds?: number;
      };
      /**
       * The role assumed in a new account to apply the baseline and deploy
       * stacks. Defaults to AWSControlTowerExecution.
       */
      baselineRoleName?: string;
      /** Accounts vended at the same time by one task. Defaults to 1. */
      maxConcurrentAccounts?: number;
    };
  };
}
