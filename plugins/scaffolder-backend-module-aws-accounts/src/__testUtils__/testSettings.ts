import { VendingSettings } from '../config/VendingSettings';

/** Vending settings for tests: the shared fixture, and no real waiting. */
export function testSettings(
  overrides: Partial<VendingSettings> = {},
): VendingSettings {
  return {
    homeRegion: 'us-east-1',
    governedRegions: ['us-east-1', 'eu-west-1'],
    organization: {},
    accountFactory: { productName: 'AWS Control Tower Account Factory' },
    organizationalUnits: {
      prod: 'ou-sra0-prod0001',
      staging: 'ou-sra0-stage001',
      dev: 'ou-sra0-dev00001',
    },
    accountEmailPattern: 'aws+{application}-{environment}@example.com',
    accountNamePattern: '{application}-{environment}',
    timeoutMs: 60_000,
    polling: { initialIntervalMs: 0, maxIntervalMs: 0 },
    busyRetry: { attempts: 3, initialDelayMs: 0, maxDelayMs: 0 },
    baselineRoleName: 'AWSControlTowerExecution',
    maxConcurrentAccounts: 1,
    ...overrides,
  };
}
