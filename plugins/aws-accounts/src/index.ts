/**
 * Posture of AWS accounts in the portal: entity cards and tabs, the
 * organization page and scaffolder fields, for apps on the legacy frontend
 * system. The new frontend system's plugin is in `/alpha`.
 *
 * @packageDocumentation
 */

export {
  awsAccountsPlugin,
  awsAccountsRouteRef,
  AwsAccountsPage,
  EntityAwsPostureCard,
  EntityAwsTopFindingsCard,
  EntityAwsVulnerabilitiesContent,
  EntitySraBaselineContent,
  AwsOrganizationalUnitPickerFieldExtension,
  AwsServiceCatalogProductPickerFieldExtension,
} from './plugin';
export { AwsAccountsClient, awsAccountsApiRef } from './api';
export type { AccountsQuery, AwsAccountsApi } from './api';
export { isAwsAccountEntity } from './isAwsAccountEntity';
export {
  validateOrganizationalUnitId,
  validateServiceCatalogProductId,
} from './components/ScaffolderFields/fieldValidation';
export type { AwsOrganizationalUnitPickerUiOptions } from './components/ScaffolderFields/AwsOrganizationalUnitPicker';
