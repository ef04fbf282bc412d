import { FINDING_STREAMS, Random } from '../../seed/findings/Random';
import { hexDigest, resourceId } from '../../seed/resourceId';
import { FINDINGS_EPOCH_SECONDS } from '../inspector2/inspectorFindings';

export const GUARDDUTY_COLUMNS = [
  'severityTenths',
  'archived',
  'region',
  'type',
] as const;
export type GuardDutyColumn = (typeof GUARDDUTY_COLUMNS)[number];

/** Finding types with the severity GuardDuty gives them and their resource. */
export const GUARDDUTY_TYPES = [
  {
    type: 'Recon:EC2/PortProbeUnprotectedPort',
    severity: 2,
    resource: 'Instance',
  },
  {
    type: 'UnauthorizedAccess:EC2/SSHBruteForce',
    severity: 5,
    resource: 'Instance',
  },
  {
    type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS',
    severity: 8,
    resource: 'Instance',
  },
  { type: 'Recon:IAMUser/UserPermissions', severity: 5, resource: 'AccessKey' },
  {
    type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
    severity: 8,
    resource: 'AccessKey',
  },
  {
    type: 'Policy:S3/BucketBlockPublicAccessDisabled',
    severity: 2,
    resource: 'S3Bucket',
  },
  { type: 'Backdoor:EC2/C&CActivity.B!DNS', severity: 8, resource: 'Instance' },
  {
    type: 'AttackSequence:IAM/CompromisedCredentials',
    severity: 9.5,
    resource: 'AccessKey',
  },
] as const;

const DAY = 86400;

export interface GuardDutyAttributes extends Record<GuardDutyColumn, number> {
  updatedAt: number;
}

/**
 * Finding `local` of an account: a type with its usual severity (a number,
 * sometimes nudged within its band), archived about one in six.
 */
export function guardDutyAttributes(
  accountId: string,
  local: number,
  regionCount: number,
): GuardDutyAttributes {
  const random = Random.forFinding(FINDING_STREAMS.guardDuty, accountId, local);
  const type = random.integer(GUARDDUTY_TYPES.length);
  const base = GUARDDUTY_TYPES[type].severity;
  const nudge = base === 9.5 ? 0 : Math.round(random.next() * 9) / 10;
  return {
    severityTenths: Math.round(Math.min(10, base + nudge) * 10),
    archived: random.next() < 0.16 ? 1 : 0,
    region: random.next() < 0.75 || regionCount < 2 ? 0 : 1,
    type,
    updatedAt: FINDINGS_EPOCH_SECONDS - Math.floor(random.next() * 90 * DAY),
  };
}

export function detectorId(accountId: string, region: string) {
  return hexDigest(`detector/${accountId}/${region}`, 32);
}

/**
 * A finding id that carries its account and position, so GetFindings can
 * regenerate the finding without a lookup table: 12 account digits, 8 hex
 * digits of position, 12 hex digits of hash.
 */
export function guardDutyFindingId(accountId: string, local: number) {
  return `${accountId}${local.toString(16).padStart(8, '0')}${hexDigest(
    `gd-native/${accountId}/${local}`,
    12,
  )}`;
}

export function parseGuardDutyFindingId(
  id: string,
): { accountId: string; local: number } | undefined {
  const match = /^(\d{12})([0-9a-f]{8})[0-9a-f]{12}$/.exec(id);
  if (!match) return undefined;
  const local = parseInt(match[2], 16);
  return guardDutyFindingId(match[1], local) === id
    ? { accountId: match[1], local }
    : undefined;
}

/** The whole native GuardDuty finding, in the GetFindings wire shape. */
export function guardDutyFinding(
  accountId: string,
  local: number,
  regions: readonly string[],
) {
  const a = guardDutyAttributes(accountId, local, regions.length);
  const region = regions[a.region];
  const random = Random.forFinding(
    FINDING_STREAMS.guardDutyDetail,
    accountId,
    local,
  );
  const kind = GUARDDUTY_TYPES[a.type];
  const id = guardDutyFindingId(accountId, local);
  const detector = detectorId(accountId, region);
  const updated = new Date(a.updatedAt * 1000).toISOString();
  const created = new Date(
    (a.updatedAt - Math.floor(random.next() * 20 * DAY)) * 1000,
  ).toISOString();
  const instanceId = resourceId('i', accountId, region, 'app-1');
  const resources = {
    Instance: {
      resourceType: 'Instance',
      instanceDetails: {
        instanceId,
        instanceType: 't3.medium',
        instanceState: 'running',
        availabilityZone: `${region}a`,
        imageId: resourceId('ami', region, 'al2023'),
        platform: 'Linux',
        tags: [{ key: 'Name', value: 'app-1' }],
      },
    },
    AccessKey: {
      resourceType: 'AccessKey',
      accessKeyDetails: {
        accessKeyId: `ASIA${hexDigest(
          `${accountId}/${local}`,
          16,
        ).toUpperCase()}`,
        principalId: `AROA${hexDigest(accountId, 17).toUpperCase()}:app`,
        userName: 'app-deployer',
        userType: 'AssumedRole',
      },
    },
    S3Bucket: {
      resourceType: 'S3Bucket',
      s3BucketDetails: [
        {
          arn: `arn:aws:s3:::app-data-${accountId}`,
          name: `app-data-${accountId}`,
          type: 'Destination',
        },
      ],
    },
  };
  const resource = resources[kind.resource];
  return {
    accountId,
    arn: `arn:aws:guardduty:${region}:${accountId}:detector/${detector}/finding/${id}`,
    createdAt: created,
    updatedAt: updated,
    id,
    partition: 'aws',
    region,
    schemaVersion: '2.0',
    severity: a.severityTenths / 10,
    confidence: 5,
    title: `${kind.type.split('/')[1]} observed in account ${accountId}`,
    description: `GuardDuty observed ${kind.type} activity.`,
    type: kind.type,
    resource,
    service: {
      archived: a.archived === 1,
      count: 1 + random.integer(40),
      detectorId: detector,
      eventFirstSeen: created,
      eventLastSeen: updated,
      serviceName: 'guardduty',
      resourceRole: 'TARGET',
      additionalInfo: { value: '{}', type: 'default' },
    },
  };
}
