import {
  SecurityServiceId,
  SecurityServiceStatus,
} from '@sra-backstage/plugin-aws-accounts-common';
import { CheckOutcome, pass, unknown } from './CheckOutcome';

/** The checks that are decided by whether a security service is on. */
const SERVICE_CHECKS: Record<string, SecurityServiceId[]> = {
  guardduty: ['guardduty'],
  'config-recorder': ['config'],
  securityhub: ['securityhub'],
  'access-analyzer': ['access-analyzer'],
  'inspector-enabled': ['inspector-ec2', 'inspector-ecr'],
};

const FSBP_STANDARD = 'aws-foundational-security-best-practices';

function outcomeOf(
  statuses: SecurityServiceStatus[],
  checkId: string,
): CheckOutcome {
  const unknownStatus = statuses.find(status => status.state === 'UNKNOWN');
  const off = statuses.filter(status => status.state === 'OFF');
  if (off.length > 0) {
    return {
      status: 'FAIL',
      evidence: off.map(status => ({
        resourceId: status.service,
        resourceType: 'AwsAccount',
        region: status.region,
        detail: status.reason ?? 'off',
      })),
    };
  }
  if (unknownStatus || statuses.length === 0) {
    return unknown(unknownStatus?.reason ?? 'the service status was not read');
  }
  if (
    checkId === 'securityhub' &&
    !statuses.some(status =>
      (status.standards ?? []).some(standard =>
        standard.includes(FSBP_STANDARD),
      ),
    )
  ) {
    return {
      status: 'FAIL',
      evidence: statuses.map(status => ({
        resourceId: 'securityhub',
        resourceType: 'AwsAccount',
        region: status.region,
        detail:
          'on, but AWS Foundational Security Best Practices is not enabled',
      })),
    };
  }
  return pass();
}

/**
 * Direct outcomes, by check id and Region, of the checks that only ask
 * whether a security service is on.
 */
export function serviceCheckOutcomes(
  services: SecurityServiceStatus[],
): Map<string, Map<string, CheckOutcome>> {
  const outcomes = new Map<string, Map<string, CheckOutcome>>();
  for (const [checkId, serviceIds] of Object.entries(SERVICE_CHECKS)) {
    const byRegion = new Map<string, CheckOutcome>();
    const regions = new Set(services.map(status => status.region));
    for (const region of regions) {
      const statuses = services.filter(
        status =>
          status.region === region && serviceIds.includes(status.service),
      );
      byRegion.set(region, outcomeOf(statuses, checkId));
    }
    outcomes.set(checkId, byRegion);
  }
  return outcomes;
}
