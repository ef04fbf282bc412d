import { AwsServiceError } from '../../protocols/AwsServiceError';
import { InputReader } from '../InputReader';
import { OperationContext } from '../ServiceDefinition';
import { recordDetail } from './serviceCatalogViews';

/**
 * TerminateProvisionedProduct: deletes the product's stack and, once the
 * stack is gone, the provisioned product. Terminating an Account Factory
 * product leaves the account in the organization, as Control Tower does.
 */
export function terminateProvisionedProduct(
  input: Record<string, unknown>,
  context: OperationContext,
) {
  const reader = new InputReader(
    input,
    'TerminateProvisionedProduct',
    'InvalidParametersException',
  );
  const { state } = context;
  const catalog = state.serviceCatalog;
  const now = Date.now();

  const token = reader.string('TerminateToken');
  const existing = catalog.tokens.get(`terminate:${token}`);
  if (existing) {
    return {
      RecordDetail: recordDetail(state, catalog.records.get(existing)!),
    };
  }
  const product = catalog.findProvisionedProduct({
    id: reader.optionalString('ProvisionedProductId'),
    name: reader.optionalString('ProvisionedProductName'),
  });
  if (!product || product.accountId !== context.caller.accountId) {
    throw new AwsServiceError(
      'ResourceNotFoundException',
      'Provisioned product not found; pass the ProvisionedProductId or ProvisionedProductName that SearchProvisionedProducts lists.',
      400,
    );
  }
  if (product.status === 'UNDER_CHANGE') {
    throw new AwsServiceError(
      'InvalidStateException',
      `Provisioned product ${product.id} is under change; wait for its record to finish.`,
      400,
    );
  }

  const { recordId } = catalog.nextIds(`terminate/${token}`);
  const stack = product.stackId
    ? state.cloudFormation.stacks.get(product.stackId)
    : undefined;
  if (stack) {
    state.cloudFormation.delete(stack, now);
  }
  product.status = 'UNDER_CHANGE';
  product.lastRecordId = recordId;
  catalog.records.set(recordId, {
    id: recordId,
    type: 'TERMINATE_PROVISIONED_PRODUCT',
    provisionedProductId: product.id,
    productId: product.productId,
    artifactId: product.artifactId,
    pathId: catalog.product(product.productId)?.launchPath.id ?? '',
    createdAt: now,
    updatedAt: now,
    startsAt: now,
    finishesAt: now + state.options.provisioningDelayMs,
    status: 'IN_PROGRESS',
    errors: [],
    outputs: [],
    parameters: {},
    tags: [],
  });
  catalog.tokens.set(`terminate:${token}`, recordId);
  return { RecordDetail: recordDetail(state, catalog.records.get(recordId)!) };
}
