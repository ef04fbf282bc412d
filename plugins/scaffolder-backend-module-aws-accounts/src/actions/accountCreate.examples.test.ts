import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  DescribeProductCommand,
  DescribeRecordCommand,
  ProvisionProductCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { ActionInput, exampleInput } from '../__testUtils__/exampleInput';
import {
  createTestOrganizationReader,
  mockFixtureOrganization,
} from '../__testUtils__/organizationFixtures';
import {
  accountFactoryProduct,
  recordPage,
} from '../__testUtils__/serviceCatalogFixtures';
import { testSettings } from '../__testUtils__/testSettings';
import { createAccountCreateAction } from './accountCreate';
import { examples } from './accountCreate.examples';

const organizations = mockClient(OrganizationsClient);
const serviceCatalog = mockClient(ServiceCatalogClient);
mockClient(CloudFormationClient);

describe('aws:account:create examples', () => {
  const permissions = mockServices.permissions.mock();
  const action = createAccountCreateAction({
    clientFactory: createTestClientFactory(),
    organizationReader: createTestOrganizationReader(),
    settings: testSettings(),
    permissions,
  });

  beforeEach(() => {
    organizations.reset();
    serviceCatalog.reset();
    mockFixtureOrganization(organizations);
    serviceCatalog.on(DescribeProductCommand).resolves(accountFactoryProduct);
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolves({ RecordDetail: { RecordId: 'rec-ex' } });
    serviceCatalog.on(DescribeRecordCommand).resolves(
      recordPage('rec-ex', 'SUCCEEDED', {
        outputs: { AccountId: '500000000099' },
      }),
    );
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
  });

  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const input = exampleInput<ActionInput<typeof action>>(example, action.id);
    const ctx = createMockActionContext({ input });

    await action.handler(ctx);

    expect(serviceCatalog).toHaveReceivedCommandWith(ProvisionProductCommand, {
      ProvisioningParameters: expect.arrayContaining([
        {
          Key: 'AccountName',
          Value: input.accountName ?? `payments-${input.environment}`,
        },
        {
          Key: 'AccountEmail',
          Value:
            input.accountEmail ??
            `aws+payments-${input.environment}@example.com`,
        },
        {
          Key: 'ManagedOrganizationalUnit',
          Value: expect.stringMatching(/^\w+ \(ou-sra0-[a-z0-9]+\)$/),
        },
      ]),
    });
    expect(ctx.output).toHaveBeenCalledWith('accountId', '500000000099');
  });
});
