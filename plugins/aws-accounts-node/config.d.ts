export interface Config {
  /**
   * Settings shared by the AWS accounts plugins. Credentials come from the
   * `aws` section of `@backstage/integration-aws-node` (`aws.mainAccount`,
   * `aws.accounts`, `aws.accountDefaults`).
   */
  awsAccounts?: {
    /**
     * The home Region: where Organizations, Service Catalog and Control
     * Tower are called. Defaults to us-east-1.
     */
    region?: string;
    /** The governed Regions, read by posture and set by the baseline. */
    regions?: string[];
    /**
     * Where AWS Organizations is read: the management account or an
     * Organizations delegated administrator. Without an account id the main
     * account's credentials are used.
     */
    organization?: {
      accountId?: string;
      roleName?: string;
    };
    /**
     * The Security Tooling account: the delegated administrator of Security
     * Hub, Inspector and GuardDuty.
     */
    securityTooling?: {
      accountId: string;
      roleName?: string;
    };
    /**
     * The read-only role assumed in each workload account for Config, Access
     * Analyzer and the direct baseline checks.
     */
    readRoleName?: string;
    /** Attempts per AWS call, including the first. Defaults to 8. */
    maxAttempts?: number;
  };
}
