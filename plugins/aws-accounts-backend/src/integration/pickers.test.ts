import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultOrganizationReader } from '@sra-backstage/plugin-aws-accounts-node';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { readPostureConfig } from '../config/readPostureConfig';
import { ScaffolderPickerReader } from '../pickers/ScaffolderPickerReader';
import {
  sandboxClientFactory,
  useSandboxEndpoint,
} from '../__testUtils__/sandboxHarness';

jest.setTimeout(60_000);

describe('scaffolder pickers against the sandbox', () => {
  let sandbox: SandboxHandle;
  let restore: () => void;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
    restore = useSandboxEndpoint(sandbox);
  });

  afterAll(async () => {
    restore();
    await sandbox.stop();
  });

  function pickers() {
    const config = new ConfigReader({
      aws: { mainAccount: {} },
      awsAccounts: { region: 'us-east-1', regions: ['us-east-1'] },
    });
    const clientFactory = sandboxClientFactory(config, 3);
    return ScaffolderPickerReader.create({
      config: readPostureConfig(config),
      clientFactory,
      organizationReader: DefaultOrganizationReader.create({
        client: () =>
          clientFactory.create(OrganizationsClient, { region: 'us-east-1' }),
      }),
      cache: mockServices.cache.mock({
        get: async () => undefined,
        set: async () => undefined,
      }),
    });
  }

  it('lists organizational units with Control Tower enrollment read from Organizations', async () => {
    const units = await pickers().listOrganizationalUnits();
    const enrolled = Object.fromEntries(
      units.map(unit => [unit.path, unit.enrolled]),
    );
    expect(enrolled['Root/Workloads/Prod']).toBe(true);
    expect(enrolled['Root/Legacy']).toBe(false);

    const workloads = await pickers().listOrganizationalUnits('Root/Workloads');
    expect(workloads.map(unit => unit.name).sort()).toEqual([
      'Dev',
      'Prod',
      'Staging',
    ]);
  });

  it('lists the Account Factory product from Service Catalog', async () => {
    const products = await pickers().listServiceCatalogProducts();
    expect(products).toContainEqual(
      expect.objectContaining({
        id: 'prod-sra0accfactry',
        name: 'AWS Control Tower Account Factory',
      }),
    );
  });
});
