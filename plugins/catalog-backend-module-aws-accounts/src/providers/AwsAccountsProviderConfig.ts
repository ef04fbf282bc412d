import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** The config path of the provider. */
export const PROVIDER_CONFIG_PATH = 'catalog.providers.awsAccounts';

/** The provider's settings, with defaults applied. */
export interface AwsAccountsProviderConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  entityType: string;
  ownerTag: string;
  /** A full entity reference, for example `group:default/team-platform`. */
  fallbackOwner?: string;
  applicationTag: string;
  environmentTag: string;
  includeSuspended: boolean;
  includeClosed: boolean;
  requestsPerSecond?: number;
  maxConcurrency?: number;
}

/**
 * The timeout leaves room for large organizations: at the default request
 * rate, 5,000 accounts take about 11 minutes to read.
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 25 },
  initialDelay: { seconds: 15 },
};

/**
 * Turns a tag value or config value into a full entity reference of the
 * given default kind, or undefined when it is not a valid reference.
 */
export function toEntityReference(
  value: string,
  defaultKind: string,
): string | undefined {
  const validator = makeValidator();
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
    if (
      !validator.isValidKind(ref.kind) ||
      !validator.isValidNamespace(ref.namespace) ||
      !validator.isValidEntityName(ref.name)
    ) {
      return undefined;
    }
    return stringifyEntityRef(ref);
  } catch {
    return undefined;
  }
}

function readTagName(config: Config, key: string, fallback: string): string {
  const value = config.getOptionalString(key) ?? fallback;
  if (value.trim() === '') {
    throw new InputError(
      `${PROVIDER_CONFIG_PATH}.${key} is empty; give the tag key to read, or remove the setting to use '${fallback}'`,
    );
  }
  return value;
}

function readPositiveNumber(config: Config, key: string): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value !== undefined && !(value > 0)) {
    throw new InputError(
      `${PROVIDER_CONFIG_PATH}.${key} must be above 0, got ${value}`,
    );
  }
  return value;
}

/**
 * Reads `catalog.providers.awsAccounts`; undefined when the section is
 * absent, so the provider stays off until it is configured.
 */
export function readAwsAccountsProviderConfig(
  rootConfig: Config,
): AwsAccountsProviderConfig | undefined {
  const config = rootConfig.getOptionalConfig(PROVIDER_CONFIG_PATH);
  if (!config) {
    return undefined;
  }

  const entityType = config.getOptionalString('entityType') ?? 'aws-account';
  if (!makeValidator().isValidEntityName(entityType)) {
    throw new InputError(
      `${PROVIDER_CONFIG_PATH}.entityType '${entityType}' is not a valid spec.type; use letters, digits and dashes, for example 'aws-account'`,
    );
  }

  const fallbackOwnerValue = config.getOptionalString('fallbackOwner');
  let fallbackOwner: string | undefined;
  if (fallbackOwnerValue !== undefined) {
    fallbackOwner = toEntityReference(fallbackOwnerValue, 'group');
    if (!fallbackOwner) {
      throw new InputError(
        `${PROVIDER_CONFIG_PATH}.fallbackOwner '${fallbackOwnerValue}' is not an entity reference; use a group name such as 'team-platform' or a reference such as 'group:default/team-platform'`,
      );
    }
  }

  const maxConcurrency = readPositiveNumber(config, 'maxConcurrency');
  if (maxConcurrency !== undefined && !Number.isInteger(maxConcurrency)) {
    throw new InputError(
      `${PROVIDER_CONFIG_PATH}.maxConcurrency must be a whole number, got ${maxConcurrency}`,
    );
  }

  return {
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    entityType,
    ownerTag: readTagName(config, 'ownerTag', 'owner'),
    fallbackOwner,
    applicationTag: readTagName(config, 'applicationTag', 'application'),
    environmentTag: readTagName(config, 'environmentTag', 'environment'),
    includeSuspended: config.getOptionalBoolean('includeSuspended') ?? false,
    includeClosed: config.getOptionalBoolean('includeClosed') ?? false,
    requestsPerSecond: readPositiveNumber(config, 'requestsPerSecond'),
    maxConcurrency,
  };
}
