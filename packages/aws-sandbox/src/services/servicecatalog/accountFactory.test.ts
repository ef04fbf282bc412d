import {
  DescribeProvisioningParametersCommand,
  DescribeRecordCommand,
  DuplicateResourceException,
  GetProvisionedProductOutputsCommand,
  InvalidParametersException,
  ListLaunchPathsCommand,
  ListProvisioningArtifactsCommand,
  ProvisionProductCommand,
  ProvisionProductCommandInput,
  ResourceInUseException,
  SearchProductsCommand,
  SearchProvisionedProductsCommand,
  DescribeProvisionedProductCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import {
  CloudFormationClient,
  DescribeStackEventsCommand,
} from '@aws-sdk/client-cloudformation';
import {
  ListAccountsForParentCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  SEED_ACCOUNT_FACTORY,
  SEED_OUS,
  startSandbox,
  SandboxHandle,
} from '../../index';
import { clientSettings } from '../../__testUtils__/sandboxClients';

const DELAY_MS = 300;

function request(
  name: string,
  overrides: Record<string, string> = {},
): ProvisionProductCommandInput {
  const parameters: Record<string, string> = {
    AccountName: name,
    AccountEmail: `aws+${name}@example.com`,
    ManagedOrganizationalUnit: `Dev (${SEED_OUS.dev.id})`,
    SSOUserEmail: 'owner@example.com',
    SSOUserFirstName: 'Ada',
    SSOUserLastName: 'Lovelace',
    ...overrides,
  };
  return {
    ProductId: SEED_ACCOUNT_FACTORY.productId,
    ProvisioningArtifactId: SEED_ACCOUNT_FACTORY.provisioningArtifactId,
    PathId: SEED_ACCOUNT_FACTORY.launchPathId,
    ProvisionedProductName: name,
    ProvisioningParameters: Object.entries(parameters).map(([Key, Value]) => ({
      Key,
      Value,
    })),
  };
}

describe('Service Catalog Account Factory', () => {
  let sandbox: SandboxHandle;
  let catalog: ServiceCatalogClient;

  async function waitForRecord(recordId: string) {
    for (let i = 0; i < 50; i++) {
      const { RecordDetail, RecordOutputs } = await catalog.send(
        new DescribeRecordCommand({ Id: recordId }),
      );
      if (
        RecordDetail?.Status === 'SUCCEEDED' ||
        RecordDetail?.Status === 'FAILED'
      ) {
        return { RecordDetail, RecordOutputs };
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    throw new Error(`record ${recordId} did not finish`);
  }

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      provisioningDelayMs: DELAY_MS,
      quotaScale: 0,
    });
    catalog = new ServiceCatalogClient(clientSettings(sandbox));
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.control.reset());

  it('lists the product, its artifact, launch path and parameters', async () => {
    const products = await catalog.send(
      new SearchProductsCommand({
        Filters: { FullTextSearch: ['Account Factory'] },
      }),
    );
    expect(products.ProductViewSummaries?.map(p => p.ProductId)).toEqual([
      SEED_ACCOUNT_FACTORY.productId,
    ]);
    const artifacts = await catalog.send(
      new ListProvisioningArtifactsCommand({
        ProductId: SEED_ACCOUNT_FACTORY.productId,
      }),
    );
    expect(artifacts.ProvisioningArtifactDetails).toMatchObject([
      { Id: 'pa-sra0accfactry', Active: true, Guidance: 'DEFAULT' },
    ]);
    const paths = await catalog.send(
      new ListLaunchPathsCommand({ ProductId: SEED_ACCOUNT_FACTORY.productId }),
    );
    expect(paths.LaunchPathSummaries?.map(p => p.Id)).toEqual([
      'lpv3-sra0accfactry',
    ]);
    const parameters = await catalog.send(
      new DescribeProvisioningParametersCommand({
        ProductId: SEED_ACCOUNT_FACTORY.productId,
        ProvisioningArtifactId: SEED_ACCOUNT_FACTORY.provisioningArtifactId,
        PathId: SEED_ACCOUNT_FACTORY.launchPathId,
      }),
    );
    expect(
      parameters.ProvisioningArtifactParameters?.map(p => p.ParameterKey),
    ).toEqual([
      'AccountName',
      'AccountEmail',
      'ManagedOrganizationalUnit',
      'SSOUserEmail',
      'SSOUserFirstName',
      'SSOUserLastName',
    ]);
  });

  it('vends an account: CREATED, IN_PROGRESS, SUCCEEDED, and the account appears in the OU', async () => {
    const { RecordDetail } = await catalog.send(
      new ProvisionProductCommand(request('billing-dev')),
    );
    expect(RecordDetail?.Status).toBe('CREATED');
    await new Promise(resolve => setTimeout(resolve, 150));
    const during = await catalog.send(
      new DescribeRecordCommand({ Id: RecordDetail!.RecordId }),
    );
    expect(during.RecordDetail?.Status).toBe('IN_PROGRESS');

    const done = await waitForRecord(RecordDetail!.RecordId!);
    expect(done.RecordDetail?.Status).toBe('SUCCEEDED');
    const outputs = Object.fromEntries(
      (done.RecordOutputs ?? []).map(o => [o.OutputKey, o.OutputValue]),
    );
    expect(outputs).toMatchObject({
      AccountEmail: 'aws+billing-dev@example.com',
      SSOUserEmail: 'owner@example.com',
    });
    expect(outputs.AccountId).toMatch(/^\d{12}$/);

    const organizations = new OrganizationsClient(clientSettings(sandbox));
    const inDev = await organizations.send(
      new ListAccountsForParentCommand({ ParentId: SEED_OUS.dev.id }),
    );
    expect(inDev.Accounts?.find(a => a.Id === outputs.AccountId)).toMatchObject(
      { Name: 'billing-dev', Status: 'ACTIVE' },
    );

    const provisioned = await catalog.send(
      new SearchProvisionedProductsCommand({
        Filters: { SearchQuery: ['name:billing-dev'] },
      }),
    );
    expect(provisioned.ProvisionedProducts).toMatchObject([
      { Name: 'billing-dev', Status: 'AVAILABLE' },
    ]);
    const detail = await catalog.send(
      new DescribeProvisionedProductCommand({ Name: 'billing-dev' }),
    );
    const productOutputs = await catalog.send(
      new GetProvisionedProductOutputsCommand({
        ProvisionedProductId: detail.ProvisionedProductDetail!.Id,
      }),
    );
    expect(
      productOutputs.Outputs?.find(o => o.OutputKey === 'AccountId')
        ?.OutputValue,
    ).toBe(outputs.AccountId);

    const cloudFormation = new CloudFormationClient(clientSettings(sandbox));
    const events = await cloudFormation.send(
      new DescribeStackEventsCommand({
        StackName: provisioned.ProvisionedProducts![0].PhysicalId,
      }),
    );
    expect(events.StackEvents?.[0]).toMatchObject({
      ResourceStatus: 'CREATE_COMPLETE',
      ResourceType: 'AWS::CloudFormation::Stack',
    });
    expect(events.StackEvents?.map(e => e.LogicalResourceId)).toContain(
      'ProvisionAccount',
    );
  });

  it('returns the same record for the same ProvisionToken', async () => {
    const first = await catalog.send(
      new ProvisionProductCommand({
        ...request('token-dev'),
        ProvisionToken: 'token-1',
      }),
    );
    const second = await catalog.send(
      new ProvisionProductCommand({
        ...request('token-dev'),
        ProvisionToken: 'token-1',
      }),
    );
    expect(second.RecordDetail?.RecordId).toBe(first.RecordDetail?.RecordId);
  });

  it('fails the record when the email is already in use', async () => {
    const { RecordDetail } = await catalog.send(
      new ProvisionProductCommand(
        request('dup-email', { AccountEmail: 'aws+payments-prod@example.com' }),
      ),
    );
    const done = await waitForRecord(RecordDetail!.RecordId!);
    expect(done.RecordDetail?.Status).toBe('FAILED');
    expect(done.RecordDetail?.RecordErrors?.[0].Description).toContain(
      'aws+payments-prod@example.com already exists',
    );
    const detail = await catalog.send(
      new DescribeProvisionedProductCommand({ Name: 'dup-email' }),
    );
    expect(detail.ProvisionedProductDetail?.Status).toBe('ERROR');
  });

  it('fails the record on invalid parameters', async () => {
    const { RecordDetail } = await catalog.send(
      new ProvisionProductCommand(
        request('bad-params', {
          AccountName: 'x'.repeat(51),
          SSOUserFirstName: ' ',
        }),
      ),
    );
    const done = await waitForRecord(RecordDetail!.RecordId!);
    expect(done.RecordDetail?.Status).toBe('FAILED');
    expect(done.RecordDetail?.RecordErrors?.[0].Description).toMatch(
      /AccountName: must be 1 to 50 characters.*SSOUserFirstName: must not be empty/,
    );
  });

  it('refuses an OU that is not enrolled in Control Tower', async () => {
    const error = await catalog
      .send(
        new ProvisionProductCommand(
          request('legacy-app', {
            ManagedOrganizationalUnit: `Legacy (${SEED_OUS.legacy.id})`,
          }),
        ),
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(InvalidParametersException);
    expect(error.message).toContain('is not registered with AWS Control Tower');
    await expect(
      catalog.send(
        new ProvisionProductCommand(
          request('bad-ou', { ManagedOrganizationalUnit: 'Dev' }),
        ),
      ),
    ).rejects.toBeInstanceOf(InvalidParametersException);
  });

  it('refuses a sixth concurrent provisioning with ResourceInUseException', async () => {
    for (let i = 1; i <= 5; i++) {
      await catalog.send(new ProvisionProductCommand(request(`busy-${i}`)));
    }
    await expect(
      catalog.send(new ProvisionProductCommand(request('busy-6'))),
    ).rejects.toBeInstanceOf(ResourceInUseException);
  });

  it('refuses a provisioned product name that is taken', async () => {
    await catalog.send(new ProvisionProductCommand(request('taken')));
    await expect(
      catalog.send(
        new ProvisionProductCommand(
          request('taken', { AccountEmail: 'aws+other@example.com' }),
        ),
      ),
    ).rejects.toBeInstanceOf(DuplicateResourceException);
  });

  it('holds records and fails the next one through the control interface', async () => {
    sandbox.control.holdRecords(true);
    const held = await catalog.send(
      new ProvisionProductCommand(request('held-dev')),
    );
    await new Promise(resolve => setTimeout(resolve, DELAY_MS + 100));
    const during = await catalog.send(
      new DescribeRecordCommand({ Id: held.RecordDetail!.RecordId }),
    );
    expect(during.RecordDetail?.Status).toBe('IN_PROGRESS');
    sandbox.control.holdRecords(false);
    expect(
      (await waitForRecord(held.RecordDetail!.RecordId!)).RecordDetail?.Status,
    ).toBe('SUCCEEDED');

    sandbox.control.failNextRecord(
      'Enrollment failed: AWSControlTowerExecution role is missing',
    );
    const failing = await catalog.send(
      new ProvisionProductCommand(request('failing-dev')),
    );
    const done = await waitForRecord(failing.RecordDetail!.RecordId!);
    expect(done.RecordDetail).toMatchObject({
      Status: 'FAILED',
      RecordErrors: [
        {
          Description:
            'Enrollment failed: AWSControlTowerExecution role is missing',
        },
      ],
    });
  });
});
