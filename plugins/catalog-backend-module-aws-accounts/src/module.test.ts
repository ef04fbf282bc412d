import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  EventParams,
  EventsService,
  EventsServiceSubscribeOptions,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { AWS_ACCOUNTS_REFRESH_TOPIC } from '@sra-backstage/plugin-aws-accounts-common';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { catalogModuleAwsAccounts } from './module';

const organizations = mockClient(OrganizationsClient);

/** Delivers published events to the subscribers of their topic, in process. */
class RecordingEventsService implements EventsService {
  readonly subscriptions: EventsServiceSubscribeOptions[] = [];

  async publish(params: EventParams): Promise<void> {
    for (const subscription of this.subscriptions) {
      if (subscription.topics.includes(params.topic)) {
        await subscription.onEvent(params);
      }
    }
  }

  async subscribe(options: EventsServiceSubscribeOptions): Promise<void> {
    this.subscriptions.push(options);
  }
}

function seedOrganization() {
  organizations.on(DescribeOrganizationCommand).resolves({
    Organization: {
      Id: 'o-sra0example1',
      Arn: 'arn:aws:organizations::111111111111:organization/o-sra0example1',
      MasterAccountId: '111111111111',
    },
  });
  organizations.on(ListRootsCommand).resolves({
    Roots: [{ Id: 'r-sra0', Arn: 'arn:root', Name: 'Root' }],
  });
  organizations
    .on(ListOrganizationalUnitsForParentCommand)
    .resolves({ OrganizationalUnits: [] });
  organizations.on(ListAccountsForParentCommand).resolves({
    Accounts: [
      {
        Id: '111111111111',
        Arn: 'arn:aws:organizations::111111111111:account/o-sra0example1/111111111111',
        Name: 'Management',
        Email: 'aws+management@example.com',
        State: 'ACTIVE',
      },
    ],
  });
  organizations.on(ListTagsForResourceCommand).resolves({ Tags: [] });
}

async function startModule(config: object) {
  const events = new RecordingEventsService();
  const addEntityProvider = jest.fn();
  await startTestBackend({
    extensionPoints: [[catalogProcessingExtensionPoint, { addEntityProvider }]],
    features: [
      catalogModuleAwsAccounts,
      mockServices.rootConfig.factory({ data: config }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => events,
      }),
    ],
  });
  return { events, addEntityProvider };
}

describe('catalogModuleAwsAccounts', () => {
  beforeEach(() => {
    organizations.reset();
    seedOrganization();
  });

  it('adds the provider and reads the organization on a refresh event', async () => {
    const { events, addEntityProvider } = await startModule({
      awsAccounts: { region: 'us-east-1' },
      catalog: {
        providers: {
          awsAccounts: {
            fallbackOwner: 'team-platform',
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
          },
        },
      },
    });

    expect(addEntityProvider).toHaveBeenCalledTimes(1);
    const provider: EntityProvider = addEntityProvider.mock.calls[0][0];
    expect(provider.getProviderName()).toBe('AwsAccountsEntityProvider');
    expect(events.subscriptions).toEqual([
      expect.objectContaining({
        id: 'aws-accounts-entity-provider',
        topics: [AWS_ACCOUNTS_REFRESH_TOPIC],
      }),
    ]);

    let connection: EntityProviderConnection | undefined;
    const applied = new Promise<EntityProviderMutation>(resolve => {
      connection = {
        applyMutation: async mutation => resolve(mutation),
        refresh: jest.fn(),
      };
    });
    await provider.connect(connection!);
    expect(organizations).not.toHaveReceivedCommand(
      DescribeOrganizationCommand,
    );

    await events.publish({
      topic: AWS_ACCOUNTS_REFRESH_TOPIC,
      eventPayload: { accountId: '111111111111' },
    });
    expect(await applied).toMatchObject({
      type: 'full',
      entities: [
        {
          entity: {
            metadata: { name: 'aws-account-111111111111' },
            spec: { owner: 'group:default/team-platform' },
          },
        },
      ],
    });

    expect(organizations).toHaveReceivedCommandTimes(
      DescribeOrganizationCommand,
      1,
    );
  });

  it('stays off without its config section', async () => {
    const { events, addEntityProvider } = await startModule({ catalog: {} });

    expect(addEntityProvider).not.toHaveBeenCalled();
    expect(events.subscriptions).toEqual([]);
  });

  it('refuses to start with a config that cannot work', async () => {
    await expect(
      startModule({
        catalog: { providers: { awsAccounts: { fallbackOwner: 'a b' } } },
      }),
    ).rejects.toThrow(
      "catalog.providers.awsAccounts.fallbackOwner 'a b' is not an entity reference",
    );
  });
});
