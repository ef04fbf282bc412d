import { AwsServiceError } from '../../protocols/AwsServiceError';
import { SEED_ACCOUNT_FACTORY } from '../../seed/defaultOrganization';
import { InputReader } from '../InputReader';
import { OperationContext } from '../ServiceDefinition';
import {
  accountFactoryProblems,
  parseManagedOrganizationalUnit,
} from './accountFactoryParameters';
import { CatalogProduct } from './catalogProducts';
import { recordDetail } from './serviceCatalogViews';
import { ServiceCatalogState } from './ServiceCatalogState';

const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,127}$/;
/** How long a record stays CREATED before it is IN_PROGRESS. */
const START_DELAY_MS = 100;

function invalid(message: string) {
  return new AwsServiceError('InvalidParametersException', message, 400);
}

/** The product named by ProductId or ProductName, or ResourceNotFound. */
export function requireProduct(
  catalog: ServiceCatalogState,
  id: string | undefined,
  name: string | undefined,
): CatalogProduct {
  if (!id && !name) {
    throw invalid('ProductId or ProductName is required; pass one of them.');
  }
  const product = catalog.product(id ?? name ?? '');
  if (!product) {
    throw new AwsServiceError(
      'ResourceNotFoundException',
      `Product ${id ?? name} not found; list the products with SearchProducts.`,
      400,
    );
  }
  return product;
}

function readParameters(
  product: CatalogProduct,
  given: { Key?: string; Value?: string }[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const parameter of given) {
    const key = parameter.Key ?? '';
    if (!product.parameters.some(p => p.ParameterKey === key)) {
      throw invalid(
        `Parameter ${key} is not a parameter of product ${
          product.id
        }; its parameters are ${product.parameters
          .map(p => p.ParameterKey)
          .join(', ')}.`,
      );
    }
    values[key] = parameter.Value ?? '';
  }
  for (const parameter of product.parameters) {
    if (values[parameter.ParameterKey] !== undefined) {
      continue;
    }
    if (parameter.DefaultValue === undefined) {
      throw invalid(
        `ParameterValue for ${parameter.ParameterKey} is required; pass it in ProvisioningParameters.`,
      );
    }
    values[parameter.ParameterKey] = parameter.DefaultValue;
  }
  return values;
}

/**
 * Checks an Account Factory request the way Control Tower does before it
 * accepts it: the OU must exist and be enrolled, and at most five accounts
 * are provisioned at a time. Problems with the other parameters are
 * reported later, in the FAILED record.
 */
function checkAccountFactoryRequest(
  context: OperationContext,
  parameters: Record<string, string>,
) {
  const { organization, serviceCatalog } = context.state;
  const written = parameters.ManagedOrganizationalUnit;
  const unit = parseManagedOrganizationalUnit(written);
  if (!unit) {
    throw invalid(
      `ManagedOrganizationalUnit "${written}" is not written as Name (ou-xxxx-xxxxxxxx); pass the OU name followed by its id in parentheses.`,
    );
  }
  const known = organization.units.get(unit.id);
  if (!known || known.name !== unit.name) {
    throw invalid(
      `The organizational unit ${written} was not found in the organization; pick an OU listed by ListOrganizationalUnitsForParent.`,
    );
  }
  if (!known.enrolled) {
    throw invalid(
      `The organizational unit ${written} is not registered with AWS Control Tower; register the OU in Control Tower or choose an enrolled OU.`,
    );
  }
  if (
    serviceCatalog.activeAccountFactoryRecords() >=
    SEED_ACCOUNT_FACTORY.maxConcurrentProvisionings
  ) {
    throw new AwsServiceError(
      'ResourceInUseException',
      `Account Factory is already provisioning ${SEED_ACCOUNT_FACTORY.maxConcurrentProvisionings} accounts; wait for one to finish and try again.`,
      400,
    );
  }
}

/** ProvisionProduct: Account Factory and the other portfolio products. */
export function provisionProduct(
  input: Record<string, unknown>,
  context: OperationContext,
) {
  const reader = new InputReader(
    input,
    'ProvisionProduct',
    'InvalidParametersException',
  );
  const { state, caller, region } = context;
  const catalog = state.serviceCatalog;
  const now = Date.now();

  const token = reader.string('ProvisionToken');
  const existing = catalog.tokens.get(token);
  if (existing) {
    return {
      RecordDetail: recordDetail(state, catalog.records.get(existing)!),
    };
  }

  const product = requireProduct(
    catalog,
    reader.optionalString('ProductId'),
    reader.optionalString('ProductName'),
  );
  const artifact =
    reader.optionalString('ProvisioningArtifactId') ??
    reader.optionalString('ProvisioningArtifactName');
  if (!artifact) {
    throw invalid(
      'ProvisioningArtifactId or ProvisioningArtifactName is required; list them with ListProvisioningArtifacts.',
    );
  }
  if (artifact !== product.artifact.id && artifact !== product.artifact.name) {
    throw new AwsServiceError(
      'ResourceNotFoundException',
      `Provisioning artifact ${artifact} not found for product ${product.id}; list them with ListProvisioningArtifacts.`,
      400,
    );
  }
  const path =
    reader.optionalString('PathId') ?? reader.optionalString('PathName');
  if (
    path &&
    path !== product.launchPath.id &&
    path !== product.launchPath.name
  ) {
    throw invalid(
      `Launch path ${path} is not a launch path of product ${product.id}; list them with ListLaunchPaths.`,
    );
  }
  const name = reader.string('ProvisionedProductName');
  if (!NAME_PATTERN.test(name)) {
    throw invalid(
      `ProvisionedProductName "${name}" must start with a letter or digit and hold only letters, digits, '.', '_' and '-' (at most 128).`,
    );
  }
  const taken = catalog.findProvisionedProduct({ name });
  if (taken) {
    throw new AwsServiceError(
      'DuplicateResourceException',
      `A provisioned product named ${name} already exists (${taken.id}); choose another ProvisionedProductName.`,
      400,
    );
  }
  const parameters = readParameters(
    product,
    reader.list<{ Key?: string; Value?: string }>('ProvisioningParameters'),
  );

  const problems: string[] = [];
  if (product.isAccountFactory) {
    checkAccountFactoryRequest(context, parameters);
    problems.push(...accountFactoryProblems(parameters, state.organization));
  }
  const injected = catalog.takeInjectedFailure();
  const failure =
    injected ?? (problems.length ? problems.join(' ') : undefined);

  const { recordId, provisionedProductId } = catalog.nextIds(
    `${token}/${name}`,
  );
  const tags = reader.list<{ Key: string; Value: string }>('Tags');
  const stack = state.cloudFormation.create(
    {
      stackName: `SC-${caller.accountId}-${provisionedProductId}`,
      accountId: caller.accountId,
      region,
      description: product.description,
      parameters: Object.entries(parameters).map(([key, value]) => ({
        ParameterKey: key,
        ParameterValue: value,
      })),
      tags: [
        {
          Key: 'aws:servicecatalog:productArn',
          Value: `arn:aws:catalog:${region}:${caller.accountId}:product/${product.id}`,
        },
        {
          Key: 'aws:servicecatalog:provisionedProductArn',
          Value: `arn:aws:servicecatalog:${region}:${caller.accountId}:stack/${name}/${provisionedProductId}`,
        },
      ],
      capabilities: ['CAPABILITY_NAMED_IAM'],
      template: {
        description: product.description,
        parameters: [],
        resources: product.resources,
      },
      templateBody: '',
    },
    now,
    { failure },
  );
  catalog.provisionedProducts.set(provisionedProductId, {
    id: provisionedProductId,
    name,
    arn: `arn:aws:servicecatalog:${region}:${caller.accountId}:stack/${name}/${provisionedProductId}`,
    accountId: caller.accountId,
    region,
    type: 'CFN_STACK',
    status: 'UNDER_CHANGE',
    createdAt: now,
    idempotencyToken: token,
    lastRecordId: recordId,
    lastProvisioningRecordId: recordId,
    productId: product.id,
    artifactId: product.artifact.id,
    stackId: stack.stackId,
    userArn: caller.arn,
    tags,
  });
  catalog.records.set(recordId, {
    id: recordId,
    type: 'PROVISION_PRODUCT',
    provisionedProductId,
    productId: product.id,
    artifactId: product.artifact.id,
    pathId: product.launchPath.id,
    createdAt: now,
    updatedAt: now,
    startsAt: now + Math.min(START_DELAY_MS, state.options.provisioningDelayMs),
    finishesAt: now + state.options.provisioningDelayMs,
    status: 'CREATED',
    errors: [],
    outputs: [],
    parameters,
    tags,
    injectedFailure: failure,
  });
  catalog.tokens.set(token, recordId);
  return { RecordDetail: recordDetail(state, catalog.records.get(recordId)!) };
}
