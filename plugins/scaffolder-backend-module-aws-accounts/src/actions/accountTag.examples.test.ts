import {
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { ActionInput, exampleInput } from '../__testUtils__/exampleInput';
import { testSettings } from '../__testUtils__/testSettings';
import { createAccountTagAction } from './accountTag';
import { examples } from './accountTag.examples';

const organizations = mockClient(OrganizationsClient);

describe('aws:account:tag examples', () => {
  const permissions = mockServices.permissions.mock();
  const events = { publish: jest.fn(), subscribe: jest.fn() };
  const action = createAccountTagAction({
    clientFactory: createTestClientFactory(),
    settings: testSettings(),
    permissions,
    events,
  });

  beforeEach(() => {
    organizations.reset();
    organizations.on(TagResourceCommand).resolves({});
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
  });

  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const input = exampleInput<ActionInput<typeof action>>(example, action.id);
    const ctx = createMockActionContext({ input });

    await action.handler(ctx);

    expect(organizations).toHaveReceivedCommandWith(TagResourceCommand, {
      ResourceId: input.accountId,
      Tags: expect.arrayContaining([
        { Key: 'owner', Value: expect.stringMatching(/^team-[a-z]+$/) },
        { Key: 'application', Value: expect.stringMatching(/^[a-z]+$/) },
        { Key: 'environment', Value: input.environment },
      ]),
    });
    expect(events.publish).toHaveBeenCalledWith(
      expect.objectContaining({ topic: 'aws-accounts.refresh' }),
    );
  });
});
