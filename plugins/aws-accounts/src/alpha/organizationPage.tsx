import { createRouteRef, PageBlueprint } from '@backstage/frontend-plugin-api';
import SecurityIcon from '@material-ui/icons/Security';

/**
 * The route of the organization page.
 *
 * @alpha
 */
export const organizationRouteRef = createRouteRef();

/**
 * The organization dashboard at `/aws-accounts`; titled and with an icon so
 * that it shows in the app's navigation.
 *
 * @alpha
 */
export const awsAccountsOrganizationPage = PageBlueprint.make({
  params: {
    path: '/aws-accounts',
    title: 'AWS accounts',
    icon: <SecurityIcon fontSize="inherit" />,
    routeRef: organizationRouteRef,
    loader: () =>
      import('../components/OrganizationPage/OrganizationPage').then(m => (
        <m.OrganizationPage />
      )),
  },
});
