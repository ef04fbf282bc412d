import {
  ListAccountsCommand,
  ListParentsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  SandboxHandle,
  SEED_OUS,
  startSandbox,
} from '@sra-backstage/aws-sandbox';
import {
  resolveLocalhostSubdomains,
  runTask,
  startVendingBackend,
} from '../__testUtils__/scaffolderHarness';

// The sandbox and the real scaffolder take seconds on a busy machine.
jest.setTimeout(60_000);

describe('vending templates in the real scaffolder, against the sandbox', () => {
  let sandbox: SandboxHandle;
  let restoreDns: () => void;
  const previousEndpoint = process.env.AWS_ENDPOINT_URL;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, provisioningDelayMs: 200 });
    process.env.AWS_ENDPOINT_URL = `http://localhost:${sandbox.port}`;
    restoreDns = resolveLocalhostSubdomains();
  });

  afterAll(async () => {
    restoreDns?.();
    process.env.AWS_ENDPOINT_URL = previousEndpoint;
    await sandbox?.stop();
  });

  const startBackend = () => startVendingBackend({ sandbox });

  it('vends a new application account: in its OU, tagged, baselined, with the network stack and a link to its entity', async () => {
    const backend = await startBackend();

    const result = await runTask(
      backend,
      'template:default/aws-application-account',
      {
        application: 'system:default/inventory',
        environment: 'staging',
        owner: 'group:default/team-platform',
        ssoEmail: 'jane.doe@example.com',
        ssoFirstName: 'Jane',
        ssoLastName: 'Doe',
        deployNetwork: true,
        vpcCidr: '10.20.0.0/16',
      },
    );

    expect(`${result.status}\n${result.log}`).toMatch(/^completed\n/);
    const organizations = new OrganizationsClient({
      region: 'us-east-1',
      endpoint: `http://localhost:${sandbox.port}`,
      credentials: {
        accessKeyId: 'AKIASANDBOXTEST',
        secretAccessKey: 'sandbox-secret',
      },
    });
    const link = result.output?.links?.[0]?.url ?? '';
    expect(link).toMatch(/^\/catalog\/default\/resource\/aws-account-\d{12}$/);
    const accountId = link.slice(link.lastIndexOf('-') + 1);
    const parents = await organizations.send(
      new ListParentsCommand({ ChildId: accountId }),
    );
    expect(parents.Parents?.[0]?.Id).toBe(SEED_OUS.staging.id);
    const tags = await organizations.send(
      new ListTagsForResourceCommand({ ResourceId: accountId }),
    );
    expect(tags.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'owner', Value: 'team-platform' },
        { Key: 'application', Value: 'inventory' },
        { Key: 'environment', Value: 'staging' },
      ]),
    );
    expect(result.log).toContain('ebs-encryption-by-default in eu-west-1');
    expect(result.log).toContain(
      'Stack sra-application-network is CREATE_COMPLETE',
    );
  });

  it('vends several environments; after a failure it says which accounts exist, and a rerun completes the rest without duplicates', async () => {
    const backend = await startBackend();
    const values = {
      application: 'system:default/ledger',
      owner: 'group:default/team-payments',
      environments: ['prod', 'staging', 'dev'],
      baseline: true,
      ssoEmail: 'jane.doe@example.com',
      ssoFirstName: 'Jane',
      ssoLastName: 'Doe',
    };
    sandbox.control.failNextRecord('Simulated Control Tower failure');

    const first = await runTask(
      backend,
      'template:default/aws-application-environments',
      values,
    );

    expect(first.status).toBe('failed');
    expect(first.log).toMatch(
      /1 of 3 environments did not finish\. Accounts that exist: \w+ \(\d{12}\), \w+ \(\d{12}\)\. Accounts that do not exist: \w+\./,
    );
    expect(first.log).toContain('Simulated Control Tower failure');

    const rerun = await runTask(
      backend,
      'template:default/aws-application-environments',
      values,
    );

    expect(`${rerun.status}\n${rerun.log}`).toMatch(/^completed\n/);
    const table = rerun.output?.text?.[0]?.content ?? '';
    expect(table.match(/\| existing \|/g)).toHaveLength(2);
    expect(table.match(/\| created \|/g)).toHaveLength(1);
    const organizations = new OrganizationsClient({
      region: 'us-east-1',
      endpoint: `http://localhost:${sandbox.port}`,
      credentials: {
        accessKeyId: 'AKIASANDBOXTEST',
        secretAccessKey: 'sandbox-secret',
      },
    });
    const accounts = await organizations.send(new ListAccountsCommand({}));
    expect(
      accounts.Accounts?.map(account => account.Name)
        .filter(name => name?.startsWith('ledger-'))
        .sort(),
    ).toEqual(['ledger-dev', 'ledger-prod', 'ledger-staging']);
  });

  it('applies the SRA baseline to an existing account picked from the catalog', async () => {
    const backend = await startBackend();

    const result = await runTask(
      backend,
      'template:default/aws-account-baseline',
      {
        account: 'resource:default/aws-account-600000000003',
      },
    );

    expect(`${result.status}\n${result.log}`).toMatch(/^completed\n/);
    expect(result.output?.text?.[0]?.content).toMatch(
      /\| eu-west-1 \| imdsv2-required-by-default \| .* \| required \|/,
    );
  });

  it('provisions a Service Catalog product picked by id and shows its outputs', async () => {
    const backend = await startBackend();

    const result = await runTask(
      backend,
      'template:default/aws-service-catalog-product',
      {
        product: 'prod-sra0vpcbaseln',
        provisionedProductName: 'inventory-vpc',
        parameters: { VpcCidr: '10.50.0.0/16' },
      },
    );

    expect(`${result.status}\n${result.log}`).toMatch(/^completed\n/);
    expect(result.output?.text?.[0]?.content).toMatch(/\| VpcId \| vpc-/);
  });
});
