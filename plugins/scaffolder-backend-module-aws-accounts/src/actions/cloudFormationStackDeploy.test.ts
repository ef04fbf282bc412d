import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createCheckpointStore } from '../__testUtils__/createCheckpointStore';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { testSettings } from '../__testUtils__/testSettings';
import { createCloudFormationStackDeployAction } from './cloudFormationStackDeploy';

const cloudFormation = mockClient(CloudFormationClient);
const stackId =
  'arn:aws:cloudformation:us-east-1:500000000003:stack/sra-application-network/1';
const missing = Object.assign(
  new Error('Stack with id sra-application-network does not exist'),
  { name: 'ValidationError' },
);

describe('aws:cloudformation:stack:deploy', () => {
  const workspace = createMockDirectory();
  const clientFactory = createTestClientFactory();
  const action = createCloudFormationStackDeployAction({
    clientFactory,
    settings: testSettings(),
  });

  beforeEach(() => {
    cloudFormation.reset();
    clientFactory.targets.length = 0;
    workspace.setContent({
      'network.yaml': 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n',
    });
    cloudFormation.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  });

  function context(input: Record<string, unknown> = {}) {
    return createMockActionContext({
      input: {
        stackName: 'sra-application-network',
        templatePath: 'network.yaml',
        accountId: '500000000003',
        roleName: 'AWSControlTowerExecution',
        ...input,
      },
      workspacePath: workspace.path,
      task: { id: 'task-stack-1' },
    });
  }

  it('creates the stack from the workspace, waits, and outputs the stack outputs', async () => {
    cloudFormation
      .on(DescribeStacksCommand)
      .rejectsOnce(missing)
      .resolvesOnce({
        Stacks: [
          {
            StackName: 'sra-application-network',
            StackId: stackId,
            StackStatus: 'CREATE_IN_PROGRESS',
            CreationTime: new Date(),
          },
        ],
      })
      .resolves({
        Stacks: [
          {
            StackName: 'sra-application-network',
            StackId: stackId,
            StackStatus: 'CREATE_COMPLETE',
            CreationTime: new Date(),
            Outputs: [{ OutputKey: 'VpcId', OutputValue: 'vpc-1' }],
          },
        ],
      });
    cloudFormation.on(CreateStackCommand).resolves({ StackId: stackId });
    const ctx = context({
      parameters: { VpcCidr: '10.20.0.0/16' },
      capabilities: ['CAPABILITY_IAM'],
      tags: { application: 'payments' },
    });

    await action.handler(ctx);

    expect(cloudFormation).toHaveReceivedCommandWith(CreateStackCommand, {
      StackName: 'sra-application-network',
      TemplateBody: 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n',
      Parameters: [{ ParameterKey: 'VpcCidr', ParameterValue: '10.20.0.0/16' }],
      Capabilities: ['CAPABILITY_IAM'],
      Tags: [{ Key: 'application', Value: 'payments' }],
      ClientRequestToken: expect.stringMatching(/^[a-zA-Z][-a-zA-Z0-9]*$/),
    });
    expect(clientFactory.targets).toContainEqual({
      accountId: '500000000003',
      roleName: 'AWSControlTowerExecution',
      region: 'us-east-1',
    });
    expect(ctx.output).toHaveBeenCalledWith('stackId', stackId);
    expect(ctx.output).toHaveBeenCalledWith('status', 'CREATE_COMPLETE');
    expect(ctx.output).toHaveBeenCalledWith('outputs', { VpcId: 'vpc-1' });
  });

  it('updates an existing stack and treats "no updates" as done', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'sra-application-network',
          StackId: stackId,
          StackStatus: 'UPDATE_COMPLETE',
          CreationTime: new Date(),
          Outputs: [{ OutputKey: 'VpcId', OutputValue: 'vpc-1' }],
        },
      ],
    });
    cloudFormation.on(UpdateStackCommand).rejects(
      Object.assign(new Error('No updates are to be performed.'), {
        name: 'ValidationError',
      }),
    );
    const ctx = context();

    await action.handler(ctx);

    expect(cloudFormation).not.toHaveReceivedCommand(CreateStackCommand);
    expect(ctx.output).toHaveBeenCalledWith('outputs', { VpcId: 'vpc-1' });
  });

  it('explains a stack left in ROLLBACK_COMPLETE', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves({
      Stacks: [
        {
          StackName: 'sra-application-network',
          StackId: stackId,
          StackStatus: 'ROLLBACK_COMPLETE',
          CreationTime: new Date(),
        },
      ],
    });

    await expect(action.handler(context())).rejects.toThrow(
      'is ROLLBACK_COMPLETE after a failed creation and cannot be updated; delete it in the CloudFormation console',
    );
  });

  it('reports why a stack failed, from its events', async () => {
    cloudFormation
      .on(DescribeStacksCommand)
      .rejectsOnce(missing)
      .resolves({
        Stacks: [
          {
            StackName: 'sra-application-network',
            StackId: stackId,
            StackStatus: 'ROLLBACK_COMPLETE',
            CreationTime: new Date(),
          },
        ],
      });
    cloudFormation.on(CreateStackCommand).resolves({ StackId: stackId });
    cloudFormation.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        {
          EventId: 'e1',
          StackId: stackId,
          StackName: 'sra-application-network',
          LogicalResourceId: 'FlowLogRole',
          ResourceType: 'AWS::IAM::Role',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason: 'Requires capabilities : [CAPABILITY_IAM]',
          Timestamp: new Date(Date.now() + 1000),
        },
      ],
    });

    await expect(action.handler(context())).rejects.toMatchObject({
      name: 'ProvisioningFailedError',
      message: expect.stringContaining(
        'ended ROLLBACK_COMPLETE: FlowLogRole: Requires capabilities : [CAPABILITY_IAM]',
      ),
    });
  });

  it('does not create the stack again when the task resumes', async () => {
    cloudFormation
      .on(DescribeStacksCommand)
      .rejectsOnce(missing)
      .resolves({
        Stacks: [
          {
            StackName: 'sra-application-network',
            StackId: stackId,
            StackStatus: 'CREATE_COMPLETE',
            CreationTime: new Date(),
          },
        ],
      });
    cloudFormation.on(CreateStackCommand).resolves({ StackId: stackId });
    const store = createCheckpointStore();

    await action.handler({ ...context(), checkpoint: store.checkpoint });
    await action.handler({ ...context(), checkpoint: store.checkpoint });

    expect(cloudFormation).toHaveReceivedCommandTimes(CreateStackCommand, 1);
    expect(cloudFormation).not.toHaveReceivedCommand(UpdateStackCommand);
  });

  it('asks for exactly one template source, and for a template that is there', async () => {
    await expect(
      action.handler(
        context({
          templateUrl: 'https://example-bucket.s3.amazonaws.com/t.yaml',
        }),
      ),
    ).rejects.toThrow('Give exactly one of templatePath');
    await expect(
      action.handler(context({ templatePath: 'missing.yaml' })),
    ).rejects.toThrow(
      'Template missing.yaml is not in the task workspace; fetch it first',
    );
    expect(cloudFormation).not.toHaveReceivedAnyCommand();
  });

  it('refuses a template too large to send inline', async () => {
    workspace.setContent({ 'big.yaml': `# ${'x'.repeat(60000)}\n` });

    await expect(
      action.handler(context({ templatePath: 'big.yaml' })),
    ).rejects.toThrow('upload it to S3 and give templateUrl instead');
  });

  it('deploys nothing in a dry run', async () => {
    const ctx = { ...context(), isDryRun: true };

    await action.handler(ctx);

    expect(cloudFormation).not.toHaveReceivedAnyCommand();
    expect(ctx.output).toHaveBeenCalledWith('status', 'DRY_RUN');
  });
});
