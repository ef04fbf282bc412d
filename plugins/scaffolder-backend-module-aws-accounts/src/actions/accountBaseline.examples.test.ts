import {
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
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
import { testSettings } from '../__testUtils__/testSettings';
import { createAccountBaselineAction } from './accountBaseline';
import { examples } from './accountBaseline.examples';

const ec2 = mockClient(EC2Client);
const s3Control = mockClient(S3ControlClient);
const sts = mockClient(STSClient);

describe('aws:account:baseline examples', () => {
  const clientFactory = createTestClientFactory();
  const permissions = mockServices.permissions.mock();
  const action = createAccountBaselineAction({
    clientFactory,
    settings: testSettings(),
    permissions,
  });

  beforeEach(() => {
    clientFactory.targets.length = 0;
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
    const ctx = createMockActionContext({ input });

    await action.handler(ctx);

    const regions = (input.regions as string[]) ?? ['us-east-1', 'eu-west-1'];
    for (const region of regions) {
      expect(clientFactory.targets).toContainEqual({
        accountId: input.accountId,
        roleName: input.roleName ?? 'AWSControlTowerExecution',
        region,
      });
    }
    expect(ctx.output).toHaveBeenCalledWith('changed', false);
  });
});
