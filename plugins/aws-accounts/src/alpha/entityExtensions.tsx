import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { ANNOTATION_AWS_ACCOUNT_ID } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * Shows the extensions only on entities with an AWS account id.
 *
 * @alpha
 */
export const awsAccountEntityFilter = {
  [`metadata.annotations.${ANNOTATION_AWS_ACCOUNT_ID}`]: { $exists: true },
};

/**
 * The posture card on the entity overview.
 *
 * @alpha
 */
export const awsPostureEntityCard = EntityCardBlueprint.make({
  name: 'posture',
  params: {
    filter: awsAccountEntityFilter,
    loader: () =>
      import('../components/PostureCard/PostureCard').then(m => (
        <m.PostureCard />
      )),
  },
});

/**
 * The top failing controls and GuardDuty findings on the entity overview.
 *
 * @alpha
 */
export const awsTopFindingsEntityCard = EntityCardBlueprint.make({
  name: 'top-findings',
  params: {
    filter: awsAccountEntityFilter,
    loader: () =>
      import('../components/TopFindingsCard/TopFindingsCard').then(m => (
        <m.TopFindingsCard />
      )),
  },
});

/**
 * The "Vulnerabilities" tab with the account's Inspector findings.
 *
 * @alpha
 */
export const awsVulnerabilitiesEntityContent = EntityContentBlueprint.make({
  name: 'vulnerabilities',
  params: {
    path: '/vulnerabilities',
    title: 'Vulnerabilities',
    filter: awsAccountEntityFilter,
    loader: () =>
      import('../components/Vulnerabilities/VulnerabilitiesContent').then(m => (
        <m.VulnerabilitiesContent />
      )),
  },
});

/**
 * The "SRA baseline" tab with the layered-defense checks.
 *
 * @alpha
 */
export const awsSraBaselineEntityContent = EntityContentBlueprint.make({
  name: 'sra-baseline',
  params: {
    path: '/sra-baseline',
    title: 'SRA baseline',
    filter: awsAccountEntityFilter,
    loader: () =>
      import('../components/SraBaseline/SraBaselineContent').then(m => (
        <m.SraBaselineContent />
      )),
  },
});
