import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import SecurityIcon from '@material-ui/icons/Security';
import { awsAccountsApi } from './apis';
import {
  awsPostureEntityCard,
  awsSraBaselineEntityContent,
  awsTopFindingsEntityCard,
  awsVulnerabilitiesEntityContent,
} from './entityExtensions';
import {
  awsAccountsOrganizationPage,
  organizationRouteRef,
} from './organizationPage';
import {
  awsOrganizationalUnitPickerFormField,
  awsServiceCatalogProductPickerFormField,
} from './formFields';

/**
 * The AWS accounts plugin for the new frontend system.
 *
 * @alpha
 */
export const awsAccountsPlugin = createFrontendPlugin({
  pluginId: 'aws-accounts',
  title: 'AWS accounts',
  icon: <SecurityIcon fontSize="inherit" />,
  routes: { organization: organizationRouteRef },
  extensions: [
    awsAccountsApi,
    awsAccountsOrganizationPage,
    awsPostureEntityCard,
    awsTopFindingsEntityCard,
    awsVulnerabilitiesEntityContent,
    awsSraBaselineEntityContent,
    awsOrganizationalUnitPickerFormField,
    awsServiceCatalogProductPickerFormField,
  ],
});
