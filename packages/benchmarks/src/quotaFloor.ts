import { QUOTA_TABLE } from '@sra-backstage/aws-sandbox';

/** Services read once for the organization from the Security Tooling account. */
const DELEGATED_SERVICES = new Set(['securityhub', 'inspector2', 'guardduty']);

/**
 * The least time the quota rates allow for the calls made: each operation
 * has a token bucket per account and Region, buckets drain in parallel, so
 * the floor is the slowest bucket's (calls - burst) / rate. The sandbox
 * counts calls per operation only, so calls are spread evenly over the
 * buckets they can fall in: the Regions of the Security Tooling account for
 * delegated services, the management account for STS, and every collected
 * account and Region for the rest.
 */
export function quotaFloorSeconds(
  calls: Record<string, number>,
  options: { accounts: number; regions: number; quotaScale: number },
): { seconds: number; bottleneck: string } {
  let worst = { seconds: 0, bottleneck: 'none' };
  for (const [key, count] of Object.entries(calls)) {
    const [service] = key.split(':');
    const quota =
      QUOTA_TABLE[key] ?? QUOTA_TABLE[service] ?? QUOTA_TABLE.default;
    if (!quota) {
      continue;
    }
    let buckets = options.accounts * options.regions;
    if (DELEGATED_SERVICES.has(service)) {
      buckets = options.regions;
    } else if (service === 'sts' || service === 'organizations') {
      buckets = 1;
    }
    const perBucket = count / buckets;
    const rate = quota.rate * options.quotaScale;
    const burst = Math.max(1, quota.burst * options.quotaScale);
    const seconds = Math.max(0, perBucket - burst) / rate;
    if (seconds > worst.seconds) {
      worst = { seconds, bottleneck: key };
    }
  }
  return worst;
}
