import {
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
  ModifyInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import {
  GetPublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { testSettings } from '../__testUtils__/testSettings';
import { createAccountBaselineAction } from './accountBaseline';

const ec2 = mockClient(EC2Client);
const s3Control = mockClient(S3ControlClient);
const sts = mockClient(STSClient);

/** An account's settings that the fake EC2 (per Region) and S3 Control keep. */
function mockAccountSettings() {
  const state = {
    ebs: new Map<string, boolean>(),
    httpTokens: new Map<string, string>(),
    block: undefined as Record<string, boolean> | undefined,
  };
  const regionOf = (getClient: () => EC2Client) => getClient().config.region();
  ec2
    .on(GetEbsEncryptionByDefaultCommand)
    .callsFake(async (_input, getClient) => ({
      EbsEncryptionByDefault: state.ebs.get(await regionOf(getClient)) ?? false,
    }));
  ec2
    .on(EnableEbsEncryptionByDefaultCommand)
    .callsFake(async (_input, getClient) => {
      state.ebs.set(await regionOf(getClient), true);
      return { EbsEncryptionByDefault: true };
    });
  ec2
    .on(GetInstanceMetadataDefaultsCommand)
    .callsFake(async (_input, getClient) => ({
      AccountLevel: {
        HttpTokens:
          state.httpTokens.get(await regionOf(getClient)) ?? 'optional',
      },
    }));
  ec2
    .on(ModifyInstanceMetadataDefaultsCommand)
    .callsFake(async (input, getClient) => {
      state.httpTokens.set(await regionOf(getClient), input.HttpTokens);
      return { Return: true };
    });
  s3Control.on(GetPublicAccessBlockCommand).callsFake(() => {
    if (!state.block) {
      throw Object.assign(new Error('none'), {
        name: 'NoSuchPublicAccessBlockConfiguration',
      });
    }
    return { PublicAccessBlockConfiguration: state.block };
  });
  s3Control.on(PutPublicAccessBlockCommand).callsFake(input => {
    state.block = input.PublicAccessBlockConfiguration;
    return {};
  });
  return state;
}

describe('aws:account:baseline', () => {
  const clientFactory = createTestClientFactory();
  const permissions = mockServices.permissions.mock();
  const action = createAccountBaselineAction({
    clientFactory,
    settings: testSettings(),
    permissions,
  });

  beforeEach(() => {
    ec2.reset();
    s3Control.reset();
    sts.reset();
    clientFactory.targets.length = 0;
    sts.on(GetCallerIdentityCommand).resolves({ Account: '500000000003' });
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
  });

  function context(input: Record<string, unknown> = {}) {
    return createMockActionContext({
      input: { accountId: '500000000003', ...input },
    });
  }

  it('applies every setting in every governed Region through the baseline role', async () => {
    const state = mockAccountSettings();
    const ctx = context();

    await action.handler(ctx);

    expect(ec2).toHaveReceivedCommandTimes(
      EnableEbsEncryptionByDefaultCommand,
      2,
    );
    expect(ec2).toHaveReceivedCommandWith(
      ModifyInstanceMetadataDefaultsCommand,
      { HttpTokens: 'required' },
    );
    expect(s3Control).toHaveReceivedCommandWith(PutPublicAccessBlockCommand, {
      AccountId: '500000000003',
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });
    expect([...state.httpTokens.values()]).toEqual(['required', 'required']);
    expect(clientFactory.targets).toContainEqual({
      accountId: '500000000003',
      roleName: 'AWSControlTowerExecution',
      region: 'eu-west-1',
    });
    expect(ctx.output).toHaveBeenCalledWith('changed', true);
    expect(ctx.output).toHaveBeenCalledWith(
      'changes',
      expect.arrayContaining([
        {
          region: 'eu-west-1',
          setting: 'imdsv2-required-by-default',
          previous: 'optional',
          current: 'required',
          changed: true,
        },
        {
          region: 'global',
          setting: 's3-account-block-public-access',
          previous:
            'not blocked: BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets',
          current: 'all blocked',
          changed: true,
        },
      ]),
    );
  });

  it('changes nothing when the account already has the baseline', async () => {
    mockAccountSettings();
    await action.handler(context());
    ec2.resetHistory();
    s3Control.resetHistory();
    const ctx = context();

    await action.handler(ctx);

    expect(ec2).not.toHaveReceivedCommand(EnableEbsEncryptionByDefaultCommand);
    expect(ec2).not.toHaveReceivedCommand(
      ModifyInstanceMetadataDefaultsCommand,
    );
    expect(s3Control).not.toHaveReceivedCommand(PutPublicAccessBlockCommand);
    expect(ctx.output).toHaveBeenCalledWith('changed', false);
  });

  it('names the role and account when AssumeRole is denied', async () => {
    mockAccountSettings();
    sts
      .on(GetCallerIdentityCommand)
      .rejects(
        Object.assign(
          new Error(
            'User: arn:aws:iam::111111111111:user/backstage is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::600000000001:role/AWSControlTowerExecution',
          ),
          { name: 'AccessDenied' },
        ),
      );

    await expect(
      action.handler(context({ accountId: '600000000001' })),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'Cannot assume role AWSControlTowerExecution in account 600000000001',
      ),
    });
    expect(ec2).not.toHaveReceivedAnyCommand();
  });

  it('uses the given role and Regions', async () => {
    mockAccountSettings();

    await action.handler(
      context({
        roleName: 'OrganizationAccountAccessRole',
        regions: ['eu-west-1'],
      }),
    );

    expect(ec2).toHaveReceivedCommandTimes(GetEbsEncryptionByDefaultCommand, 1);
    expect(clientFactory.targets.map(t => t.roleName)).toEqual(
      expect.arrayContaining(['OrganizationAccountAccessRole']),
    );
    expect(clientFactory.targets.map(t => t.region)).not.toContain('us-east-1');
  });

  it('reads but writes nothing in a dry run', async () => {
    mockAccountSettings();
    const ctx = { ...context(), isDryRun: true };

    await action.handler(ctx);

    expect(ec2).toHaveReceivedCommand(GetEbsEncryptionByDefaultCommand);
    expect(ec2).not.toHaveReceivedCommand(EnableEbsEncryptionByDefaultCommand);
    expect(s3Control).not.toHaveReceivedCommand(PutPublicAccessBlockCommand);
    expect(ctx.output).toHaveBeenCalledWith('changed', true);
  });

  it('refuses an initiator without the vending permission', async () => {
    permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);

    await expect(action.handler(context())).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    expect(sts).not.toHaveReceivedAnyCommand();
  });
});
