import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { awsAccountsApiRef } from '../api';
import {
  mockAwsAccountsApi,
  organizationAccounts,
  organizationSummary,
  paymentsDevEntity,
} from '../__testUtils__/fixtures';
import {
  awsPostureEntityCard,
  awsSraBaselineEntityContent,
  awsVulnerabilitiesEntityContent,
} from './entityExtensions';
import { awsAccountsOrganizationPage } from './organizationPage';
import { awsAccountsPlugin } from './plugin';

const serviceEntity = {
  ...paymentsDevEntity,
  kind: 'Component',
  metadata: { name: 'payments-api' },
};

describe('awsAccountsPlugin (new frontend system)', () => {
  it.each([
    'api:aws-accounts',
    'page:aws-accounts',
    'entity-card:aws-accounts/posture',
    'entity-card:aws-accounts/top-findings',
    'entity-content:aws-accounts/vulnerabilities',
    'entity-content:aws-accounts/sra-baseline',
    'scaffolder-form-field:aws-accounts/organizational-unit-picker',
    'scaffolder-form-field:aws-accounts/service-catalog-product-picker',
  ] as const)('provides the extension %s', id => {
    expect(awsAccountsPlugin.getExtension(id)).toBeDefined();
  });

  it.each([
    ['posture card', awsPostureEntityCard, EntityCardBlueprint],
    [
      'vulnerabilities tab',
      awsVulnerabilitiesEntityContent,
      EntityContentBlueprint,
    ],
    ['SRA baseline tab', awsSraBaselineEntityContent, EntityContentBlueprint],
  ] as const)(
    'shows the %s only on entities with an account id',
    (_name, extension, blueprint) => {
      const tester = createExtensionTester(
        extension as typeof awsPostureEntityCard,
      );
      const filter = tester.get(blueprint.dataRefs.filterFunction);
      expect(filter).toBeDefined();
      expect(filter!(paymentsDevEntity)).toBe(true);
      expect(filter!(serviceEntity)).toBe(false);
    },
  );

  it('renders the organization page from its extension', async () => {
    const api = mockAwsAccountsApi();
    api.getOrganizationSummary.mockResolvedValue(organizationSummary);
    api.listAccounts.mockResolvedValue(organizationAccounts);

    await renderInTestApp(
      createExtensionTester(awsAccountsOrganizationPage, {
        apis: [[awsAccountsApiRef, api]],
      }).reactElement(),
      {
        apis: [[awsAccountsApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    expect(
      await screen.findByText('Accounts (3)', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
  }, 30_000);
});
