import {
  ListPoliciesForTargetCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  SearchProductsCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { CacheService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { JsonValue } from '@backstage/types';
import {
  AwsClientFactory,
  OrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { PostureConfig } from '../config/readPostureConfig';
import { ScaffolderPickerReader } from './ScaffolderPickerReader';

const organizations = mockClient(OrganizationsClient);
const serviceCatalog = mockClient(ServiceCatalogClient);

function memoryCache(): CacheService {
  const values = new Map<string, JsonValue>();
  const cache: CacheService = {
    get: async <T extends JsonValue>(key: string) =>
      values.get(key) as T | undefined,
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async key => {
      values.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}

const unit = (id: string, name: string, path: string, parentId: string) => ({
  id,
  arn: `arn:aws:organizations::111111111111:ou/o-sra0example1/${id}`,
  name,
  path,
  parentId,
});

const organizationReader: OrganizationReader = {
  readOrganization: jest.fn(async () => ({
    organization: {
      id: 'o-sra0example1',
      arn: 'arn',
      managementAccountId: '111111111111',
    },
    root: { id: 'r-sra0', arn: 'arn', name: 'Root' },
    organizationalUnits: [
      unit('ou-sra0-workloads', 'Workloads', 'Root/Workloads', 'r-sra0'),
      unit(
        'ou-sra0-prod0001',
        'Prod',
        'Root/Workloads/Prod',
        'ou-sra0-workloads',
      ),
      unit('ou-sra0-legacy01', 'Legacy', 'Root/Legacy', 'r-sra0'),
    ],
    accounts: [],
    statistics: {
      calls: {
        DescribeOrganization: 1,
        ListRoots: 1,
        ListOrganizationalUnitsForParent: 3,
        ListAccountsForParent: 3,
        ListTagsForResource: 0,
      },
      totalCalls: 8,
      retries: 0,
      durationMs: 1,
    },
  })),
  findOrganizationalUnit: jest.fn(),
  findAccount: jest.fn(),
};

const clientFactory: AwsClientFactory = {
  create: async (ClientClass, target) =>
    new ClientClass({
      region: target.region,
      credentials: async () => ({
        accessKeyId: 'test',
        secretAccessKey: 'test',
      }),
      retryMode: 'standard',
      maxAttempts: 1,
      customUserAgent: 'test',
    }),
};

const config = { homeRegion: 'us-east-1' } as PostureConfig;

function reader() {
  return ScaffolderPickerReader.create({
    config,
    clientFactory,
    organizationReader,
    cache: memoryCache(),
  });
}

describe('ScaffolderPickerReader', () => {
  beforeEach(() => {
    organizations.reset();
    serviceCatalog.reset();
    organizations.on(ListPoliciesForTargetCommand).callsFake(input => ({
      Policies:
        input.TargetId === 'ou-sra0-legacy01'
          ? [{ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess' }]
          : [
              { Id: 'p-1', Name: 'FullAWSAccess' },
              { Id: 'p-2', Name: 'aws-guardrails-AbCdEf' },
            ],
    }));
  });

  it('lists the units below a parent, named by path or id, with Control Tower enrollment', async () => {
    const pickers = reader();
    const all = await pickers.listOrganizationalUnits();
    expect(all.map(u => [u.path, u.enrolled])).toEqual([
      ['Root/Legacy', false],
      ['Root/Workloads', true],
      ['Root/Workloads/Prod', true],
    ]);

    expect(
      (await pickers.listOrganizationalUnits('Workloads')).map(u => u.id),
    ).toEqual(['ou-sra0-prod0001']);
    expect(
      (await pickers.listOrganizationalUnits('ou-sra0-workloads')).map(
        u => u.id,
      ),
    ).toEqual(['ou-sra0-prod0001']);
    // The tree is read once and cached.
    expect(organizations).toHaveReceivedCommandTimes(
      ListPoliciesForTargetCommand,
      3,
    );
  });

  it('names the parent parameter when the unit does not exist', async () => {
    await expect(
      reader().listOrganizationalUnits('Root/Nowhere'),
    ).rejects.toThrow(InputError);
    await expect(
      reader().listOrganizationalUnits('Root/Nowhere'),
    ).rejects.toThrow(/parent parameter/);
  });

  it('lists Service Catalog products across pages', async () => {
    serviceCatalog
      .on(SearchProductsCommand)
      .resolvesOnce({
        ProductViewSummaries: [
          {
            ProductId: 'prod-sra0accfactry',
            Name: 'AWS Control Tower Account Factory',
            Owner: 'AWS Control Tower',
          },
        ],
        NextPageToken: 'next',
      })
      .resolvesOnce({
        ProductViewSummaries: [
          {
            ProductId: 'prod-sra0network01',
            Name: 'Application network',
            Owner: 'team-platform',
          },
        ],
      });

    const products = await reader().listServiceCatalogProducts();
    expect(products).toEqual([
      {
        id: 'prod-sra0network01',
        name: 'Application network',
        owner: 'team-platform',
        description: undefined,
      },
      {
        id: 'prod-sra0accfactry',
        name: 'AWS Control Tower Account Factory',
        owner: 'AWS Control Tower',
        description: undefined,
      },
    ]);
    expect(serviceCatalog).toHaveReceivedNthSpecificCommandWith(
      1,
      SearchProductsCommand,
      { PageSize: 100 },
    );
  });
});
