import {
  AlreadyExistsException,
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  InsufficientCapabilitiesException,
  UpdateStackCommand,
  ValidateTemplateCommand,
  waitUntilStackCreateComplete,
} from '@aws-sdk/client-cloudformation';
import { SEED_ACCOUNTS, startSandbox, SandboxHandle } from '../../index';
import { clientSettings } from '../../__testUtils__/sandboxClients';

const TEMPLATE = JSON.stringify({
  Description: 'Account baseline',
  Parameters: { FlowLogBucket: { Type: 'String', Default: 'log-archive' } },
  Resources: {
    FlowLog: { Type: 'AWS::EC2::FlowLog' },
    ReadRole: { Type: 'AWS::IAM::Role' },
  },
});

const YAML_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Bucket
Parameters:
  Name:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Ref Name
`;

describe('CloudFormation', () => {
  let sandbox: SandboxHandle;
  let cloudFormation: CloudFormationClient;

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      quotaScale: 0,
      provisioningDelayMs: 200,
    });
    cloudFormation = new CloudFormationClient(
      clientSettings(sandbox, { accountId: SEED_ACCOUNTS.paymentsDev.id }),
    );
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.control.reset());

  it('validates JSON and YAML templates', async () => {
    const json = await cloudFormation.send(
      new ValidateTemplateCommand({ TemplateBody: TEMPLATE }),
    );
    expect(json).toMatchObject({
      Description: 'Account baseline',
      Capabilities: ['CAPABILITY_NAMED_IAM'],
    });
    expect(json.Parameters).toEqual([
      expect.objectContaining({
        ParameterKey: 'FlowLogBucket',
        DefaultValue: 'log-archive',
      }),
    ]);
    const yaml = await cloudFormation.send(
      new ValidateTemplateCommand({ TemplateBody: YAML_TEMPLATE }),
    );
    expect(yaml.Parameters?.map(p => p.ParameterKey)).toEqual(['Name']);
    await expect(
      cloudFormation.send(
        new ValidateTemplateCommand({ TemplateBody: '{"Resources": {}}' }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('creates a stack through its events to CREATE_COMPLETE, updates and deletes it', async () => {
    await expect(
      cloudFormation.send(
        new CreateStackCommand({
          StackName: 'baseline',
          TemplateBody: TEMPLATE,
        }),
      ),
    ).rejects.toBeInstanceOf(InsufficientCapabilitiesException);
    const { StackId } = await cloudFormation.send(
      new CreateStackCommand({
        StackName: 'baseline',
        TemplateBody: TEMPLATE,
        Capabilities: ['CAPABILITY_NAMED_IAM'],
      }),
    );
    expect(StackId).toMatch(
      /^arn:aws:cloudformation:us-east-1:500000000003:stack\/baseline\//,
    );
    await expect(
      cloudFormation.send(
        new CreateStackCommand({
          StackName: 'baseline',
          TemplateBody: TEMPLATE,
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    ).rejects.toBeInstanceOf(AlreadyExistsException);

    await waitUntilStackCreateComplete(
      { client: cloudFormation, maxWaitTime: 10, minDelay: 1 },
      { StackName: 'baseline' },
    );
    const events = await cloudFormation.send(
      new DescribeStackEventsCommand({ StackName: StackId }),
    );
    expect(
      events
        .StackEvents!.map(e => `${e.LogicalResourceId}:${e.ResourceStatus}`)
        .reverse(),
    ).toEqual([
      'baseline:CREATE_IN_PROGRESS',
      'FlowLog:CREATE_IN_PROGRESS',
      'FlowLog:CREATE_COMPLETE',
      'ReadRole:CREATE_IN_PROGRESS',
      'ReadRole:CREATE_COMPLETE',
      'baseline:CREATE_COMPLETE',
    ]);

    await expect(
      cloudFormation.send(
        new UpdateStackCommand({
          StackName: 'baseline',
          TemplateBody: TEMPLATE,
          Capabilities: ['CAPABILITY_NAMED_IAM'],
        }),
      ),
    ).rejects.toThrow('No updates are to be performed.');
    await cloudFormation.send(
      new UpdateStackCommand({
        StackName: 'baseline',
        TemplateBody: TEMPLATE,
        Capabilities: ['CAPABILITY_NAMED_IAM'],
        Parameters: [
          { ParameterKey: 'FlowLogBucket', ParameterValue: 'other' },
        ],
      }),
    );
    expect(
      (
        await cloudFormation.send(
          new DescribeStacksCommand({ StackName: 'baseline' }),
        )
      ).Stacks?.[0].StackStatus,
    ).toBe('UPDATE_IN_PROGRESS');

    await new Promise(resolve => setTimeout(resolve, 250));
    await cloudFormation.send(
      new DeleteStackCommand({ StackName: 'baseline' }),
    );
    await new Promise(resolve => setTimeout(resolve, 250));
    expect(
      (
        await cloudFormation.send(
          new DescribeStacksCommand({ StackName: StackId }),
        )
      ).Stacks?.[0].StackStatus,
    ).toBe('DELETE_COMPLETE');
    await expect(
      cloudFormation.send(new DescribeStacksCommand({ StackName: 'baseline' })),
    ).rejects.toThrow('Stack with id baseline does not exist');
  });

  it('rolls back when a failure is injected', async () => {
    sandbox.control.failNextStack(
      'Resource handler returned message: "Access Denied"',
    );
    await cloudFormation.send(
      new CreateStackCommand({
        StackName: 'doomed',
        TemplateBody: YAML_TEMPLATE,
        Parameters: [{ ParameterKey: 'Name', ParameterValue: 'b' }],
      }),
    );
    await new Promise(resolve => setTimeout(resolve, 250));
    const { StackEvents } = await cloudFormation.send(
      new DescribeStackEventsCommand({ StackName: 'doomed' }),
    );
    expect(StackEvents![0].ResourceStatus).toBe('ROLLBACK_COMPLETE');
    expect(
      StackEvents!.find(e => e.ResourceStatus === 'CREATE_FAILED')
        ?.ResourceStatusReason,
    ).toContain('Access Denied');
  });
});
