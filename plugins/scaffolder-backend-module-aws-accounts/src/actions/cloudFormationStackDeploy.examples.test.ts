import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { ActionInput, exampleInput } from '../__testUtils__/exampleInput';
import { testSettings } from '../__testUtils__/testSettings';
import { createCloudFormationStackDeployAction } from './cloudFormationStackDeploy';
import { examples } from './cloudFormationStackDeploy.examples';

const cloudFormation = mockClient(CloudFormationClient);

describe('aws:cloudformation:stack:deploy examples', () => {
  const workspace = createMockDirectory({
    content: { 'sra-application-network.yaml': 'Resources: {}\n' },
  });
  const action = createCloudFormationStackDeployAction({
    clientFactory: createTestClientFactory(),
    settings: testSettings(),
  });

  beforeEach(() => {
    cloudFormation.reset();
    cloudFormation
      .on(DescribeStacksCommand)
      .rejectsOnce(
        Object.assign(new Error('Stack does not exist'), {
          name: 'ValidationError',
        }),
      )
      .resolves({
        Stacks: [
          {
            StackName: 'example',
            StackId: 'arn:stack/example',
            StackStatus: 'CREATE_COMPLETE',
            CreationTime: new Date(),
            Outputs: [{ OutputKey: 'Out', OutputValue: 'v' }],
          },
        ],
      });
    cloudFormation
      .on(CreateStackCommand)
      .resolves({ StackId: 'arn:stack/example' });
    cloudFormation.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  });

  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const input = exampleInput<ActionInput<typeof action>>(example, action.id);
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });

    await action.handler(ctx);

    expect(cloudFormation).toHaveReceivedCommandWith(CreateStackCommand, {
      StackName: input.stackName,
      ...(input.templateUrl
        ? { TemplateURL: input.templateUrl }
        : { TemplateBody: 'Resources: {}\n' }),
    });
    expect(ctx.output).toHaveBeenCalledWith('outputs', { Out: 'v' });
  });
});
