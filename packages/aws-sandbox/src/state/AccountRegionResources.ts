import { SeedBaselineProfile } from '../seed/defaultOrganization';
import { Ec2Resources } from '../services/ec2/Ec2Resources';
import { seedEc2Resources } from '../services/ec2/seedEc2Resources';
import { seedWorkloadResources, WorkloadResources } from './workloadResources';

/**
 * The resources of one account in one Region that the baseline checks read.
 */
export interface AccountRegionResources {
  ec2: Ec2Resources;
  workload: WorkloadResources;
}

/** Seeds an account's resources in a Region from its baseline profile. */
export function seedAccountRegionResources(
  accountId: string,
  region: string,
  organizationId: string,
  profile: SeedBaselineProfile,
): AccountRegionResources {
  const ec2 = seedEc2Resources(accountId, region, organizationId, profile);
  return {
    ec2,
    workload: seedWorkloadResources(accountId, region, profile, ec2),
  };
}
