import {
  CloudFormationClient,
  DescribeStackEventsCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeProductCommand,
  DescribeRecordCommand,
  ProvisionProductCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createCheckpointStore } from '../__testUtils__/createCheckpointStore';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { recordPage } from '../__testUtils__/serviceCatalogFixtures';
import { testSettings } from '../__testUtils__/testSettings';
import { createServiceCatalogProductProvisionAction } from './serviceCatalogProductProvision';

const serviceCatalog = mockClient(ServiceCatalogClient);
const cloudFormation = mockClient(CloudFormationClient);

const bucketProduct = {
  ProductViewSummary: { ProductId: 'prod-sra0bucket01', Name: 'Shared Bucket' },
  ProvisioningArtifacts: [
    { Id: 'pa-old', Name: 'v1', Guidance: 'DEPRECATED' as const },
    { Id: 'pa-new', Name: 'v2', Guidance: 'DEFAULT' as const },
  ],
  LaunchPaths: [{ Id: 'lpv3-bucket', Name: 'Platform portfolio' }],
};

describe('aws:servicecatalog:product:provision', () => {
  const clientFactory = createTestClientFactory();
  const action = createServiceCatalogProductProvisionAction({
    clientFactory,
    settings: testSettings(),
  });

  beforeEach(() => {
    serviceCatalog.reset();
    cloudFormation.reset();
    clientFactory.targets.length = 0;
  });

  function context(input: Record<string, unknown>) {
    return createMockActionContext({
      input: { product: 'prod-sra0bucket01', ...input },
      task: { id: 'task-0001' },
    });
  }

  it('provisions the default artifact through the only launch path and reports progress', async () => {
    serviceCatalog.on(DescribeProductCommand).resolves(bucketProduct);
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolves({ RecordDetail: { RecordId: 'rec-1' } });
    const stackArn =
      'arn:aws:cloudformation:us-east-1:111111111111:stack/SC-bucket/1';
    serviceCatalog
      .on(DescribeRecordCommand)
      .resolvesOnce(recordPage('rec-1', 'IN_PROGRESS'))
      .resolvesOnce(
        recordPage('rec-1', 'IN_PROGRESS', {
          outputs: { CloudformationStackARN: stackArn },
        }),
      )
      .resolves(
        recordPage('rec-1', 'SUCCEEDED', {
          outputs: { CloudformationStackARN: stackArn, BucketName: 'b-1' },
        }),
      );
    cloudFormation.on(DescribeStackEventsCommand).resolves({
      StackEvents: [
        {
          EventId: 'e2',
          StackId: stackArn,
          StackName: 'SC-bucket',
          LogicalResourceId: 'Bucket',
          ResourceType: 'AWS::S3::Bucket',
          ResourceStatus: 'CREATE_COMPLETE',
          Timestamp: new Date(),
        },
        {
          EventId: 'e1',
          StackId: stackArn,
          StackName: 'SC-bucket',
          LogicalResourceId: 'Bucket',
          ResourceType: 'AWS::S3::Bucket',
          ResourceStatus: 'CREATE_IN_PROGRESS',
          Timestamp: new Date(),
        },
      ],
    });
    const ctx = context({
      provisionedProductName: 'payments artifacts!',
      parameters: { BucketPrefix: 'payments' },
      tags: { application: 'payments' },
    });
    const info = jest.spyOn(ctx.logger, 'info');

    await action.handler(ctx);

    expect(serviceCatalog).toHaveReceivedCommandWith(ProvisionProductCommand, {
      ProductId: 'prod-sra0bucket01',
      ProvisioningArtifactId: 'pa-new',
      PathId: 'lpv3-bucket',
      ProvisionedProductName: 'payments-artifacts',
      ProvisioningParameters: [{ Key: 'BucketPrefix', Value: 'payments' }],
      Tags: [{ Key: 'application', Value: 'payments' }],
      ProvisionToken: expect.stringMatching(/^[a-zA-Z0-9_-]{1,128}$/),
    });
    expect(ctx.output).toHaveBeenCalledWith('recordId', 'rec-1');
    expect(ctx.output).toHaveBeenCalledWith(
      'provisionedProductId',
      'pp-sra0example01',
    );
    expect(ctx.output).toHaveBeenCalledWith('status', 'SUCCEEDED');
    expect(ctx.output).toHaveBeenCalledWith('outputs', {
      CloudformationStackARN: stackArn,
      BucketName: 'b-1',
    });
    const messages = info.mock.calls.map(call => call[0]);
    expect(messages).toContain('Record rec-1 is IN_PROGRESS');
    expect(messages).toContain('Record rec-1 is SUCCEEDED');
    const events = messages.filter(m => m.startsWith('Stack event'));
    expect(events).toEqual([
      'Stack event: Bucket (AWS::S3::Bucket) CREATE_IN_PROGRESS',
      'Stack event: Bucket (AWS::S3::Bucket) CREATE_COMPLETE',
    ]);
  });

  it('chooses the artifact and launch path by name, in the given account and Region', async () => {
    serviceCatalog.on(DescribeProductCommand).resolves({
      ...bucketProduct,
      LaunchPaths: [
        { Id: 'lpv3-a', Name: 'Platform portfolio' },
        { Id: 'lpv3-b', Name: 'Team portfolio' },
      ],
    });
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolves({ RecordDetail: { RecordId: 'rec-2' } });
    serviceCatalog
      .on(DescribeRecordCommand)
      .resolves(recordPage('rec-2', 'SUCCEEDED'));

    await action.handler(
      context({
        product: 'Shared Bucket',
        provisioningArtifact: 'v1',
        launchPath: 'Team portfolio',
        accountId: '111111111111',
        roleName: 'CatalogRole',
        region: 'eu-west-1',
      }),
    );

    expect(serviceCatalog).toHaveReceivedCommandWith(DescribeProductCommand, {
      Name: 'Shared Bucket',
    });
    expect(serviceCatalog).toHaveReceivedCommandWith(ProvisionProductCommand, {
      ProvisioningArtifactId: 'pa-old',
      PathId: 'lpv3-b',
      ProvisionedProductName: 'Shared-Bucket-task-000',
    });
    expect(clientFactory.targets).toContainEqual({
      accountId: '111111111111',
      roleName: 'CatalogRole',
      region: 'eu-west-1',
    });
  });

  it('lists the launch paths when there are several and none was chosen', async () => {
    serviceCatalog.on(DescribeProductCommand).resolves({
      ...bucketProduct,
      LaunchPaths: [
        { Id: 'lpv3-a', Name: 'Platform portfolio' },
        { Id: 'lpv3-b', Name: 'Team portfolio' },
      ],
    });

    await expect(action.handler(context({}))).rejects.toThrow(
      'several launch paths; choose one with launchPath: lpv3-a (Platform portfolio), lpv3-b (Team portfolio)',
    );
    expect(serviceCatalog).not.toHaveReceivedCommand(ProvisionProductCommand);
  });

  it("explains that no launch path is available to the caller's principal", async () => {
    serviceCatalog
      .on(DescribeProductCommand)
      .resolves({ ...bucketProduct, LaunchPaths: [] });

    await expect(action.handler(context({}))).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'No launch path of product "Shared Bucket" is available to the caller\'s principal; associate the vending role with a portfolio',
      ),
    });
  });

  it('explains a launch path refused by ProvisionProduct', async () => {
    serviceCatalog.on(DescribeProductCommand).resolves(bucketProduct);
    serviceCatalog.on(ProvisionProductCommand).rejects(
      Object.assign(
        new Error('No launch paths found for resource: prod-sra0bucket01'),
        {
          name: 'ResourceNotFoundException',
        },
      ),
    );

    await expect(action.handler(context({}))).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('Associate the vending role'),
    });
  });

  it('turns a FAILED record into an error with the record errors', async () => {
    serviceCatalog.on(DescribeProductCommand).resolves(bucketProduct);
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolves({ RecordDetail: { RecordId: 'rec-3' } });
    serviceCatalog.on(DescribeRecordCommand).resolves(
      recordPage('rec-3', 'FAILED', {
        errors: [
          { Code: 'ValidationError', Description: 'BucketPrefix is too long' },
        ],
      }),
    );

    await expect(action.handler(context({}))).rejects.toMatchObject({
      name: 'ProvisioningFailedError',
      message: expect.stringContaining(
        'Record rec-3 of payments-qa FAILED: ValidationError: BucketPrefix is too long',
      ),
    });
  });

  it('gives up after the timeout, naming the record and where to look', async () => {
    const slow = createServiceCatalogProductProvisionAction({
      clientFactory,
      settings: testSettings({
        polling: { initialIntervalMs: 5, maxIntervalMs: 5 },
      }),
    });
    serviceCatalog.on(DescribeProductCommand).resolves(bucketProduct);
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolves({ RecordDetail: { RecordId: 'rec-4' } });
    serviceCatalog
      .on(DescribeRecordCommand)
      .resolves(recordPage('rec-4', 'IN_PROGRESS'));

    await expect(
      slow.handler(context({ timeoutMinutes: 0.0005 })),
    ).rejects.toMatchObject({
      name: 'ProvisioningTimeoutError',
      message: expect.stringMatching(
        /Record rec-4 was still IN_PROGRESS .* Service Catalog console \(us-east-1\) under Provisioned products > payments-qa > Events/,
      ),
    });
  });

  it('does not call ProvisionProduct again when the same task resumes', async () => {
    serviceCatalog.on(DescribeProductCommand).resolves(bucketProduct);
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolves({ RecordDetail: { RecordId: 'rec-5' } });
    serviceCatalog
      .on(DescribeRecordCommand)
      .resolves(recordPage('rec-5', 'SUCCEEDED'));
    const store = createCheckpointStore();

    for (let run = 0; run < 2; run++) {
      const ctx = { ...context({}), checkpoint: store.checkpoint };
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('recordId', 'rec-5');
    }

    expect(serviceCatalog).toHaveReceivedCommandTimes(
      ProvisionProductCommand,
      1,
    );
  });

  it('sends the same provision token when a task is retried without checkpoints', async () => {
    serviceCatalog.on(DescribeProductCommand).resolves(bucketProduct);
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolves({ RecordDetail: { RecordId: 'rec-6' } });
    serviceCatalog
      .on(DescribeRecordCommand)
      .resolves(recordPage('rec-6', 'SUCCEEDED'));

    await action.handler(context({}));
    await action.handler(context({}));
    await action.handler(
      createMockActionContext({
        input: { product: 'prod-sra0bucket01' },
        task: { id: 'task-0002' },
      }),
    );

    const tokens = serviceCatalog
      .commandCalls(ProvisionProductCommand)
      .map(call => call.args[0].input.ProvisionToken);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[2]).not.toBe(tokens[0]);
  });

  it('only resolves the product in a dry run', async () => {
    serviceCatalog.on(DescribeProductCommand).resolves(bucketProduct);
    const ctx = { ...context({}), isDryRun: true };

    await action.handler(ctx);

    expect(serviceCatalog).not.toHaveReceivedCommand(ProvisionProductCommand);
    expect(ctx.output).toHaveBeenCalledWith('status', 'DRY_RUN');
  });
});
