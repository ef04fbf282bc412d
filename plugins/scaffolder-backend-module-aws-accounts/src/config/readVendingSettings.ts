import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { VendingSettings } from './VendingSettings';

/** The name AWS gives the Control Tower Account Factory product. */
export const DEFAULT_ACCOUNT_FACTORY_PRODUCT_NAME =
  'AWS Control Tower Account Factory';
const DEFAULT_HOME_REGION = 'us-east-1';
const DEFAULT_ACCOUNT_NAME_PATTERN = '{application}-{environment}';
const DEFAULT_TIMEOUT_MINUTES = 60;
const DEFAULT_POLL_INITIAL_SECONDS = 5;
const DEFAULT_POLL_MAX_SECONDS = 30;
const DEFAULT_BUSY_ATTEMPTS = 6;
const DEFAULT_BUSY_INITIAL_DELAY_SECONDS = 30;
const DEFAULT_BUSY_MAX_DELAY_SECONDS = 300;
const DEFAULT_BASELINE_ROLE_NAME = 'AWSControlTowerExecution';
const ORGANIZATIONAL_UNIT_ID_PATTERN = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

/**
 * Reads the vending settings from `awsAccounts` and applies the defaults.
 *
 * @public
 */
export function readVendingSettings(config: Config): VendingSettings {
  const root = config.getOptionalConfig('awsAccounts');
  const vending = root?.getOptionalConfig('vending');
  const homeRegion = root?.getOptionalString('region') ?? DEFAULT_HOME_REGION;
  const factory = vending?.getOptionalConfig('accountFactory');
  const polling = vending?.getOptionalConfig('polling');
  const busy = vending?.getOptionalConfig('busyRetry');

  const organizationalUnits: Record<string, string> = {};
  const ous = vending?.getOptionalConfig('organizationalUnits');
  for (const environment of ous?.keys() ?? []) {
    const ouId = ous!.getString(environment);
    if (!ORGANIZATIONAL_UNIT_ID_PATTERN.test(ouId)) {
      throw new InputError(
        `awsAccounts.vending.organizationalUnits.${environment} is "${ouId}", which is not an organizational unit id; use the id shown in AWS Organizations, such as ou-ab12-cd34ef56`,
      );
    }
    organizationalUnits[environment] = ouId;
  }

  return {
    homeRegion,
    governedRegions: root?.getOptionalStringArray('regions') ?? [homeRegion],
    organization: {
      accountId: root?.getOptionalString('organization.accountId'),
      roleName: root?.getOptionalString('organization.roleName'),
    },
    accountFactory: {
      productId: factory?.getOptionalString('productId'),
      productName:
        factory?.getOptionalString('productName') ??
        DEFAULT_ACCOUNT_FACTORY_PRODUCT_NAME,
      provisioningArtifactId: factory?.getOptionalString(
        'provisioningArtifactId',
      ),
      launchPathId: factory?.getOptionalString('launchPathId'),
    },
    organizationalUnits,
    accountEmailPattern: vending?.getOptionalString('accountEmailPattern'),
    accountNamePattern:
      vending?.getOptionalString('accountNamePattern') ??
      DEFAULT_ACCOUNT_NAME_PATTERN,
    timeoutMs: minutes(
      vending?.getOptionalNumber('timeoutMinutes') ?? DEFAULT_TIMEOUT_MINUTES,
    ),
    polling: {
      initialIntervalMs: seconds(
        polling?.getOptionalNumber('initialIntervalSeconds') ??
          DEFAULT_POLL_INITIAL_SECONDS,
      ),
      maxIntervalMs: seconds(
        polling?.getOptionalNumber('maxIntervalSeconds') ??
          DEFAULT_POLL_MAX_SECONDS,
      ),
    },
    busyRetry: {
      attempts: busy?.getOptionalNumber('attempts') ?? DEFAULT_BUSY_ATTEMPTS,
      initialDelayMs: seconds(
        busy?.getOptionalNumber('initialDelaySeconds') ??
          DEFAULT_BUSY_INITIAL_DELAY_SECONDS,
      ),
      maxDelayMs: seconds(
        busy?.getOptionalNumber('maxDelaySeconds') ??
          DEFAULT_BUSY_MAX_DELAY_SECONDS,
      ),
    },
    baselineRoleName:
      vending?.getOptionalString('baselineRoleName') ??
      DEFAULT_BASELINE_ROLE_NAME,
    maxConcurrentAccounts: Math.max(
      1,
      vending?.getOptionalNumber('maxConcurrentAccounts') ?? 1,
    ),
  };
}

function seconds(value: number): number {
  return value * 1000;
}

function minutes(value: number): number {
  return value * 60 * 1000;
}
