import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { createTestOrganizationReader } from '../__testUtils__/organizationFixtures';
import { testSettings } from '../__testUtils__/testSettings';
import { createAccountBaselineAction } from '../actions/accountBaseline';
import { createAccountCreateAction } from '../actions/accountCreate';
import { createAccountTagAction } from '../actions/accountTag';
import { createApplicationAccountsCreateAction } from '../actions/applicationAccountsCreate';
import { createCloudFormationStackDeployAction } from '../actions/cloudFormationStackDeploy';
import { createServiceCatalogProductProvisionAction } from '../actions/serviceCatalogProductProvision';

const TEMPLATES_DIR = resolve(__dirname, '../../../../templates');
const BUILT_IN_ACTIONS = ['fetch:plain:file', 'catalog:fetch', 'debug:log'];

const options = {
  clientFactory: createTestClientFactory(),
  organizationReader: createTestOrganizationReader(),
  settings: testSettings(),
  permissions: { authorize: jest.fn(), authorizeConditional: jest.fn() },
  events: { publish: jest.fn(), subscribe: jest.fn() },
};
const ourActions = [
  createServiceCatalogProductProvisionAction(options),
  createAccountCreateAction(options),
  createAccountTagAction(options),
  createAccountBaselineAction(options),
  createApplicationAccountsCreateAction(options),
  createCloudFormationStackDeployAction(options),
];

const templateNames = readdirSync(TEMPLATES_DIR, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
  .filter(name => {
    try {
      readFileSync(resolve(TEMPLATES_DIR, name, 'template.yaml'));
      return true;
    } catch {
      return false;
    }
  });

describe('templates/', () => {
  it('holds the four vending templates, all listed in the location file', () => {
    const location = parse(
      readFileSync(resolve(TEMPLATES_DIR, 'catalog-info.yaml'), 'utf8'),
    );

    expect(templateNames.sort()).toEqual([
      'aws-account-baseline',
      'aws-application-account',
      'aws-application-environments',
      'aws-service-catalog-product',
    ]);
    expect([...location.spec.targets].sort()).toEqual(
      templateNames.map(name => `./${name}/template.yaml`),
    );
  });

  it.each(templateNames)(
    '%s is a valid template that only uses known actions and recovers by starting over',
    async name => {
      const entity = parse(
        readFileSync(resolve(TEMPLATES_DIR, name, 'template.yaml'), 'utf8'),
      );

      await expect(templateEntityV1beta3Validator.check(entity)).resolves.toBe(
        true,
      );
      const known = [...BUILT_IN_ACTIONS, ...ourActions.map(a => a.id)];
      for (const step of entity.spec.steps) {
        expect(known).toContain(step.action);
      }
      expect(entity.spec.EXPERIMENTAL_recovery).toEqual({
        EXPERIMENTAL_strategy: 'startOver',
      });
    },
  );
});
