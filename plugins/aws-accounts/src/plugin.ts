import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { AwsAccountsClient, awsAccountsApiRef } from './api';
import { AwsOrganizationalUnitPicker } from './components/ScaffolderFields/AwsOrganizationalUnitPicker';
import { AwsServiceCatalogProductPicker } from './components/ScaffolderFields/AwsServiceCatalogProductPicker';
import {
  validateOrganizationalUnitId,
  validateServiceCatalogProductId,
} from './components/ScaffolderFields/fieldValidation';

/**
 * The route of the organization page in apps on the legacy frontend system.
 *
 * @public
 */
export const awsAccountsRouteRef = createRouteRef({ id: 'aws-accounts' });

/**
 * The AWS accounts plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const awsAccountsPlugin = createPlugin({
  id: 'aws-accounts',
  apis: [
    createApiFactory({
      api: awsAccountsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsAccountsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: awsAccountsRouteRef },
});

/**
 * The organization dashboard; mount it at `/aws-accounts`.
 *
 * @public
 */
export const AwsAccountsPage = awsAccountsPlugin.provide(
  createRoutableExtension({
    name: 'AwsAccountsPage',
    component: () =>
      import('./components/OrganizationPage/LegacyOrganizationPage').then(
        m => m.LegacyOrganizationPage,
      ),
    mountPoint: awsAccountsRouteRef,
  }),
);

/**
 * The posture card for entity overview pages.
 *
 * @public
 */
export const EntityAwsPostureCard = awsAccountsPlugin.provide(
  createComponentExtension({
    name: 'EntityAwsPostureCard',
    component: {
      lazy: () =>
        import('./components/PostureCard/PostureCard').then(m => m.PostureCard),
    },
  }),
);

/**
 * The top failing controls and GuardDuty findings card.
 *
 * @public
 */
export const EntityAwsTopFindingsCard = awsAccountsPlugin.provide(
  createComponentExtension({
    name: 'EntityAwsTopFindingsCard',
    component: {
      lazy: () =>
        import('./components/TopFindingsCard/TopFindingsCard').then(
          m => m.TopFindingsCard,
        ),
    },
  }),
);

/**
 * The Inspector findings, for an entity page tab.
 *
 * @public
 */
export const EntityAwsVulnerabilitiesContent = awsAccountsPlugin.provide(
  createComponentExtension({
    name: 'EntityAwsVulnerabilitiesContent',
    component: {
      lazy: () =>
        import('./components/Vulnerabilities/VulnerabilitiesContent').then(
          m => m.VulnerabilitiesContent,
        ),
    },
  }),
);

/**
 * The SRA baseline checks, for an entity page tab.
 *
 * @public
 */
export const EntitySraBaselineContent = awsAccountsPlugin.provide(
  createComponentExtension({
    name: 'EntitySraBaselineContent',
    component: {
      lazy: () =>
        import('./components/SraBaseline/SraBaselineContent').then(
          m => m.SraBaselineContent,
        ),
    },
  }),
);

/**
 * Scaffolder field `AwsOrganizationalUnitPicker`; place it inside
 * `ScaffolderFieldExtensions`.
 *
 * @public
 */
export const AwsOrganizationalUnitPickerFieldExtension =
  awsAccountsPlugin.provide(
    createScaffolderFieldExtension({
      name: 'AwsOrganizationalUnitPicker',
      component: AwsOrganizationalUnitPicker,
      validation: validateOrganizationalUnitId,
    }),
  );

/**
 * Scaffolder field `AwsServiceCatalogProductPicker`; place it inside
 * `ScaffolderFieldExtensions`.
 *
 * @public
 */
export const AwsServiceCatalogProductPickerFieldExtension =
  awsAccountsPlugin.provide(
    createScaffolderFieldExtension({
      name: 'AwsServiceCatalogProductPicker',
      component: AwsServiceCatalogProductPicker,
      validation: validateServiceCatalogProductId,
    }),
  );
