/**
 * How records and stacks are polled: the first wait, doubled up to the
 * longest wait.
 *
 * @public
 */
export interface PollingSettings {
  initialIntervalMs: number;
  maxIntervalMs: number;
}

/**
 * Bounded retries while Account Factory is busy with another operation.
 *
 * @public
 */
export interface BusyRetrySettings {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * Where the Account Factory product is found.
 *
 * @public
 */
export interface AccountFactorySettings {
  productId?: string;
  productName: string;
  provisioningArtifactId?: string;
  launchPathId?: string;
}

/**
 * Everything the vending actions read from `awsAccounts.*`, with defaults
 * applied.
 *
 * @public
 */
export interface VendingSettings {
  /** Home Region: Organizations, Service Catalog, Control Tower. */
  homeRegion: string;
  /** Governed Regions, where the baseline is applied. */
  governedRegions: string[];
  /** Where Organizations is called; empty means the main account. */
  organization: { accountId?: string; roleName?: string };
  accountFactory: AccountFactorySettings;
  /** Environment name to organizational unit id. */
  organizationalUnits: Record<string, string>;
  accountEmailPattern?: string;
  accountNamePattern: string;
  timeoutMs: number;
  polling: PollingSettings;
  busyRetry: BusyRetrySettings;
  baselineRoleName: string;
  maxConcurrentAccounts: number;
}
