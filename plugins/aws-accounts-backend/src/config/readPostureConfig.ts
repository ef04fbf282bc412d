import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** Where Security Hub, Inspector and GuardDuty are read. */
export type PostureMode = 'delegatedAdmin' | 'perAccount';

/** The posture service's settings, with defaults applied. */
export interface PostureConfig {
  mode: PostureMode;
  homeRegion: string;
  regions: string[];
  securityTooling?: { accountId: string; roleName?: string };
  readRoleName: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  retentionDays: number;
  overlapMinutes: number;
  concurrency: number;
  refreshIntervalSeconds: number;
  organizationalUnitsParent?: string;
}

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_READ_ROLE = 'BackstagePostureReadRole';
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 50 },
  initialDelay: { seconds: 30 },
};

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InputError(
      `Invalid config awsAccounts.posture.${key}: ${value} is not a positive number`,
    );
  }
  return value;
}

/** Reads `awsAccounts` and `awsAccounts.posture`, naming any bad key. */
export function readPostureConfig(root: Config): PostureConfig {
  const config = root.getOptionalConfig('awsAccounts');
  const posture = config?.getOptionalConfig('posture');
  const homeRegion = config?.getOptionalString('region') ?? DEFAULT_REGION;
  const regions = config?.getOptionalStringArray('regions') ?? [homeRegion];
  const securityToolingConfig = config?.getOptionalConfig('securityTooling');
  const securityTooling = securityToolingConfig
    ? {
        accountId: securityToolingConfig.getString('accountId'),
        roleName: securityToolingConfig.getOptionalString('roleName'),
      }
    : undefined;

  const mode = (posture?.getOptionalString('mode') ??
    (securityTooling ? 'delegatedAdmin' : 'perAccount')) as PostureMode;
  if (mode !== 'delegatedAdmin' && mode !== 'perAccount') {
    throw new InputError(
      `Invalid config awsAccounts.posture.mode: '${mode}'; use delegatedAdmin or perAccount`,
    );
  }
  if (mode === 'delegatedAdmin' && !securityTooling) {
    throw new InputError(
      'Config awsAccounts.posture.mode is delegatedAdmin but awsAccounts.securityTooling.accountId is not set; set it to the Security Tooling account or use mode perAccount',
    );
  }
  if (regions.length === 0) {
    throw new InputError(
      'Invalid config awsAccounts.regions: the list is empty; name at least one governed Region',
    );
  }

  const scheduleConfig = posture?.getOptionalConfig('schedule');
  return {
    mode,
    homeRegion,
    regions,
    securityTooling,
    readRoleName:
      config?.getOptionalString('readRoleName') ?? DEFAULT_READ_ROLE,
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE,
    retentionDays: posture ? positive(posture, 'retentionDays', 90) : 90,
    overlapMinutes: posture ? positive(posture, 'overlapMinutes', 15) : 15,
    concurrency: posture ? positive(posture, 'concurrency', 8) : 8,
    refreshIntervalSeconds: posture
      ? positive(posture, 'refreshIntervalSeconds', 300)
      : 300,
    organizationalUnitsParent: posture?.getOptionalString(
      'organizationalUnitsParent',
    ),
  };
}
