import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import {
  GetPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { ActionInput, exampleInput } from '../__testUtils__/exampleInput';
import { mockAccountFactory } from '../__testUtils__/mockAccountFactory';
import { createTestOrganizationReader } from '../__testUtils__/organizationFixtures';
import { testSettings } from '../__testUtils__/testSettings';
import { createApplicationAccountsCreateAction } from './applicationAccountsCreate';
import { examples } from './applicationAccountsCreate.examples';

const organizations = mockClient(OrganizationsClient);
const serviceCatalog = mockClient(ServiceCatalogClient);
const ec2 = mockClient(EC2Client);
const s3Control = mockClient(S3ControlClient);
const sts = mockClient(STSClient);
mockClient(CloudFormationClient);

describe('aws:application-accounts:create examples', () => {
  const permissions = mockServices.permissions.mock();
  const action = createApplicationAccountsCreateAction({
    clientFactory: createTestClientFactory(),
    organizationReader: createTestOrganizationReader(),
    settings: testSettings(),
    permissions,
    events: { publish: jest.fn(), subscribe: jest.fn() },
  });

  beforeEach(() => {
    organizations.reset();
    serviceCatalog.reset();
    sts.reset();
    sts.on(GetCallerIdentityCommand).resolves({});
    ec2
      .on(GetEbsEncryptionByDefaultCommand)
      .resolves({ EbsEncryptionByDefault: true });
    ec2
      .on(GetInstanceMetadataDefaultsCommand)
      .resolves({ AccountLevel: { HttpTokens: 'required' } });
    s3Control.on(GetPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
  });

  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const input = exampleInput<ActionInput<typeof action>>(example, action.id);
    const factory = mockAccountFactory(organizations, serviceCatalog);
    const ctx = createMockActionContext({ input });

    await action.handler(ctx);

    const environments = input.environments as string[];
    expect(ctx.output).toHaveBeenCalledWith(
      'accounts',
      environments.map(environment =>
        expect.objectContaining({
          environment,
          status: expect.stringMatching(/^(created|existing)$/),
          accountId: expect.stringMatching(/^\d{12}$/),
        }),
      ),
    );
    expect(factory.accounts.map(a => a.Name)).toEqual(
      expect.arrayContaining(
        environments.map(environment =>
          expect.stringMatching(new RegExp(`-${environment}$`)),
        ),
      ),
    );
    expect(sts).toHaveReceivedCommandTimes(
      GetCallerIdentityCommand,
      input.baseline === false ? 0 : environments.length,
    );
  });
});
