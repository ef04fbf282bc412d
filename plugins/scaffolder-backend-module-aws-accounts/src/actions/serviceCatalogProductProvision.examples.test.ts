import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  DescribeProductCommand,
  DescribeRecordCommand,
  ProvisionProductCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createTestClientFactory } from '../__testUtils__/createTestClientFactory';
import { ActionInput, exampleInput } from '../__testUtils__/exampleInput';
import { recordPage } from '../__testUtils__/serviceCatalogFixtures';
import { testSettings } from '../__testUtils__/testSettings';
import { createServiceCatalogProductProvisionAction } from './serviceCatalogProductProvision';
import { examples } from './serviceCatalogProductProvision.examples';

const serviceCatalog = mockClient(ServiceCatalogClient);
mockClient(CloudFormationClient);

describe('aws:servicecatalog:product:provision examples', () => {
  const action = createServiceCatalogProductProvisionAction({
    clientFactory: createTestClientFactory(),
    settings: testSettings(),
  });

  beforeEach(() => {
    serviceCatalog.reset();
    serviceCatalog.on(DescribeProductCommand).resolves({
      ProductViewSummary: { ProductId: 'prod-sra0example1', Name: 'Example' },
      ProvisioningArtifacts: [{ Id: 'pa-1', Name: 'v2', Guidance: 'DEFAULT' }],
      LaunchPaths: [{ Id: 'lpv3-1', Name: 'Platform portfolio' }],
    });
    serviceCatalog
      .on(ProvisionProductCommand)
      .resolves({ RecordDetail: { RecordId: 'rec-ex' } });
    serviceCatalog
      .on(DescribeRecordCommand)
      .resolves(recordPage('rec-ex', 'SUCCEEDED', { outputs: { Out: 'v' } }));
  });

  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const input = exampleInput<ActionInput<typeof action>>(example, action.id);
    const ctx = createMockActionContext({ input });

    await action.handler(ctx);

    expect(serviceCatalog).toHaveReceivedCommandWith(ProvisionProductCommand, {
      ProvisioningParameters: Object.entries(
        (input.parameters as Record<string, string>) ?? {},
      ).map(([Key, Value]) => ({ Key, Value })),
    });
    expect(ctx.output).toHaveBeenCalledWith('outputs', { Out: 'v' });
  });
});
