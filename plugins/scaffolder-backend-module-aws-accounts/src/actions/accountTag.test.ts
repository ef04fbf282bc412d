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
import { testSettings } from '../__testUtils__/testSettings';
import { createAccountTagAction } from './accountTag';

const organizations = mockClient(OrganizationsClient);

describe('aws:account:tag', () => {
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
    events.publish.mockReset();
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
  });

  function context(input: Record<string, unknown> = {}) {
    return createMockActionContext({
      input: {
        accountId: '500000000003',
        owner: 'group:default/team-payments',
        application: 'system:default/payments',
        environment: 'dev',
        ...input,
      },
    });
  }

  it('tags the account with the names of the picked entities and asks the catalog to refresh', async () => {
    const ctx = context({ tags: { 'cost-center': '4711', owner: 'ignored' } });

    await action.handler(ctx);

    expect(organizations).toHaveReceivedCommandWith(TagResourceCommand, {
      ResourceId: '500000000003',
      Tags: [
        { Key: 'cost-center', Value: '4711' },
        { Key: 'owner', Value: 'team-payments' },
        { Key: 'application', Value: 'payments' },
        { Key: 'environment', Value: 'dev' },
      ],
    });
    expect(events.publish).toHaveBeenCalledWith({
      topic: 'aws-accounts.refresh',
      eventPayload: { accountId: '500000000003', reason: 'account-tagged' },
    });
    expect(ctx.output).toHaveBeenCalledWith('tags', {
      'cost-center': '4711',
      owner: 'team-payments',
      application: 'payments',
      environment: 'dev',
    });
  });

  it('rejects an owner that is not a group', async () => {
    await expect(
      action.handler(context({ owner: 'user:default/jane.doe' })),
    ).rejects.toThrow(
      'owner "user:default/jane.doe" is a user, but it must be a group',
    );
    expect(organizations).not.toHaveReceivedAnyCommand();
  });

  it('rejects entities outside the default namespace and values AWS refuses', async () => {
    await expect(
      action.handler(context({ application: 'system:other/payments' })),
    ).rejects.toThrow('is in namespace other');
    await expect(
      action.handler(context({ environment: 'dev<1>' })),
    ).rejects.toThrow('tag environment "dev<1>" cannot be an AWS tag value');
  });

  it('says so when the account is not in the organization', async () => {
    organizations.on(TagResourceCommand).rejects(
      Object.assign(new Error('not found'), {
        name: 'TargetNotFoundException',
      }),
    );

    await expect(action.handler(context())).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        'Account 500000000003 is not in the organization',
      ),
    });
    expect(events.publish).not.toHaveBeenCalled();
  });

  it('refuses an initiator without the vending permission', async () => {
    permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);

    await expect(action.handler(context())).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    expect(organizations).not.toHaveReceivedAnyCommand();
  });

  it('tags nothing in a dry run', async () => {
    const ctx = { ...context(), isDryRun: true };

    await action.handler(ctx);

    expect(organizations).not.toHaveReceivedAnyCommand();
    expect(events.publish).not.toHaveBeenCalled();
  });
});
