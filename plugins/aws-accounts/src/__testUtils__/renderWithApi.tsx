import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AwsAccountsApi, awsAccountsApiRef } from '../api';

/**
 * Renders an element in a test app with the given AWS accounts API, an
 * entity when given, and a permission API that allows or denies all.
 */
export function renderWithApi(
  element: ReactElement,
  options: { api: AwsAccountsApi; entity?: Entity; allow?: boolean },
) {
  const permissionApi = mockApis.permission({
    authorize: options.allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [awsAccountsApiRef, options.api],
        [permissionApiRef, permissionApi],
      ]}
    >
      {options.entity ? (
        <EntityProvider entity={options.entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
