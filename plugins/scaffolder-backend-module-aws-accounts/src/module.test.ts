import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleAwsAccounts } from './module';

describe('scaffolderModuleAwsAccounts', () => {
  it('registers the vending actions with their schemas', async () => {
    const addActions = jest.fn();

    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModuleAwsAccounts,
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            awsAccounts: {
              region: 'us-east-1',
              vending: {
                organizationalUnits: { dev: 'ou-sra0-dev00001' },
              },
            },
          },
        }),
      ],
    });

    const actions = addActions.mock.calls.flat();
    expect(actions.map(action => action.id)).toEqual([
      'aws:servicecatalog:product:provision',
      'aws:account:create',
      'aws:account:tag',
      'aws:account:baseline',
      'aws:application-accounts:create',
      'aws:cloudformation:stack:deploy',
    ]);
    for (const action of actions) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.schema.input).toMatchObject({ type: 'object' });
      expect(action.examples.length).toBeGreaterThan(0);
    }
  });
});
