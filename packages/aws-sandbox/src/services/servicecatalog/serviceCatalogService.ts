import { AwsServiceError } from '../../protocols/AwsServiceError';
import { AwsJsonProtocol } from '../../protocols/AwsJsonProtocol';
import { InputReader } from '../InputReader';
import { paginate } from '../pagination';
import {
  OperationContext,
  OperationHandler,
  ServiceDefinition,
} from '../ServiceDefinition';
import { provisionProduct, requireProduct } from './provisionProduct';
import {
  launchPathSummary,
  productViewSummary,
  provisionedProductAttribute,
  provisionedProductDetail,
  provisioningArtifactDetail,
  recordDetail,
} from './serviceCatalogViews';
import { terminateProvisionedProduct } from './terminateProvisionedProduct';

const ERROR = 'InvalidParametersException';

function reader(input: Record<string, unknown>, operation: string) {
  return new InputReader(input, operation, ERROR);
}

/** The portfolio lives in the management account's home Region only. */
function catalogProducts(context: OperationContext) {
  const { state, caller, region } = context;
  return caller.accountId === state.organization.managementAccountId &&
    region === state.homeRegion
    ? state.serviceCatalog.products
    : [];
}

function productFor(context: OperationContext, id?: string, name?: string) {
  const product = requireProduct(context.state.serviceCatalog, id, name);
  if (!catalogProducts(context).includes(product)) {
    throw new AwsServiceError(
      'ResourceNotFoundException',
      `Product ${id ?? name} not found in account ${
        context.caller.accountId
      }, Region ${
        context.region
      }; Account Factory is shared from the management account in ${
        context.state.homeRegion
      }.`,
      400,
    );
  }
  return product;
}

function requireProvisionedProduct(
  context: OperationContext,
  id?: string,
  name?: string,
) {
  if (!id && !name) {
    throw new AwsServiceError(
      ERROR,
      'Id or Name of the provisioned product is required.',
      400,
    );
  }
  const product = context.state.serviceCatalog.findProvisionedProduct({
    id,
    name,
  });
  if (!product || product.accountId !== context.caller.accountId) {
    throw new AwsServiceError(
      'ResourceNotFoundException',
      `Provisioned product ${
        id ?? name
      } not found; search them with SearchProvisionedProducts.`,
      400,
    );
  }
  return product;
}

const operations: Record<string, OperationHandler> = {
  SearchProducts(input, context) {
    const r = reader(input, 'SearchProducts');
    const filters = (r.object('Filters') ?? {}) as Record<string, string[]>;
    const text = (filters.FullTextSearch ?? []).join(' ').toLowerCase();
    const products = catalogProducts(context).filter(
      p =>
        !text ||
        `${p.name} ${p.description} ${p.owner}`.toLowerCase().includes(text),
    );
    const page = paginate(
      products,
      'SearchProducts',
      r.optionalString('PageToken'),
      r.pageSize('PageSize', 20, 100),
      ERROR,
    );
    return {
      ProductViewSummaries: page.items.map(productViewSummary),
      ProductViewAggregations: {},
      NextPageToken: page.nextToken,
    };
  },

  DescribeProduct(input, context) {
    const r = reader(input, 'DescribeProduct');
    const product = productFor(
      context,
      r.optionalString('Id'),
      r.optionalString('Name'),
    );
    return {
      ProductViewSummary: productViewSummary(product),
      ProvisioningArtifacts: [provisioningArtifactDetail(product)].map(a => ({
        Id: a.Id,
        Name: a.Name,
        Description: a.Description,
        CreatedTime: a.CreatedTime,
        Guidance: a.Guidance,
      })),
      Budgets: [],
      LaunchPaths: [
        { Id: product.launchPath.id, Name: product.launchPath.name },
      ],
    };
  },

  ListProvisioningArtifacts(input, context) {
    const r = reader(input, 'ListProvisioningArtifacts');
    const product = productFor(context, r.string('ProductId'));
    return {
      ProvisioningArtifactDetails: [provisioningArtifactDetail(product)],
    };
  },

  ListLaunchPaths(input, context) {
    const r = reader(input, 'ListLaunchPaths');
    const product = productFor(context, r.string('ProductId'));
    return { LaunchPathSummaries: [launchPathSummary(product)] };
  },

  DescribeProvisioningParameters(input, context) {
    const r = reader(input, 'DescribeProvisioningParameters');
    const product = productFor(
      context,
      r.optionalString('ProductId'),
      r.optionalString('ProductName'),
    );
    const artifact =
      r.optionalString('ProvisioningArtifactId') ??
      r.optionalString('ProvisioningArtifactName');
    if (
      artifact &&
      artifact !== product.artifact.id &&
      artifact !== product.artifact.name
    ) {
      throw new AwsServiceError(
        'ResourceNotFoundException',
        `Provisioning artifact ${artifact} not found for product ${product.id}.`,
        400,
      );
    }
    return {
      ProvisioningArtifactParameters: product.parameters,
      ConstraintSummaries: launchPathSummary(product).ConstraintSummaries,
      UsageInstructions: [],
      TagOptions: [],
      ProvisioningArtifactPreferences: {},
      ProvisioningArtifactOutputKeys: product.isAccountFactory
        ? ['AccountId', 'AccountEmail', 'SSOUserEmail'].map(Key => ({ Key }))
        : [{ Key: 'VpcId' }],
    };
  },

  ProvisionProduct(input, context) {
    const r = reader(input, 'ProvisionProduct');
    productFor(
      context,
      r.optionalString('ProductId'),
      r.optionalString('ProductName'),
    );
    return provisionProduct(input, context);
  },

  TerminateProvisionedProduct: terminateProvisionedProduct,

  DescribeRecord(input, context) {
    const r = reader(input, 'DescribeRecord');
    const id = r.string('Id');
    const record = context.state.serviceCatalog.records.get(id);
    if (!record) {
      throw new AwsServiceError(
        'ResourceNotFoundException',
        `Record ${id} not found; use the RecordId that ProvisionProduct returned.`,
        400,
      );
    }
    const page = paginate(
      record.outputs,
      `DescribeRecord:${id}`,
      r.optionalString('PageToken'),
      r.pageSize('PageSize', 20, 20),
      ERROR,
    );
    return {
      RecordDetail: recordDetail(context.state, record),
      RecordOutputs: page.items,
      NextPageToken: page.nextToken,
    };
  },

  SearchProvisionedProducts(input, context) {
    const r = reader(input, 'SearchProvisionedProducts');
    const filters = (r.object('Filters') ?? {}) as Record<string, string[]>;
    const query = (filters.SearchQuery ?? []).join(' ');
    const conditions = query
      .split(/\s+/)
      .filter(Boolean)
      .map(term => {
        const [field, ...rest] = term.includes(':')
          ? term.split(':')
          : ['', term];
        return {
          field: field.toLowerCase(),
          value: rest.join(':').toLowerCase(),
        };
      });
    const products = [
      ...context.state.serviceCatalog.provisionedProducts.values(),
    ]
      .filter(p => p.accountId === context.caller.accountId)
      .filter(p =>
        conditions.every(({ field, value }) => {
          const fields: Record<string, string> = {
            name: p.name,
            id: p.id,
            productid: p.productId,
            status: p.status,
            arn: p.arn,
          };
          return field
            ? (fields[field] ?? '').toLowerCase() === value
            : Object.values(fields).some(v => v.toLowerCase().includes(value));
        }),
      )
      .sort((a, b) => b.createdAt - a.createdAt);
    const page = paginate(
      products,
      `SearchProvisionedProducts:${query}`,
      r.optionalString('PageToken'),
      r.pageSize('PageSize', 20, 100),
      ERROR,
    );
    return {
      ProvisionedProducts: page.items.map(p =>
        provisionedProductAttribute(context.state, p),
      ),
      TotalResultsCount: products.length,
      NextPageToken: page.nextToken,
    };
  },

  DescribeProvisionedProduct(input, context) {
    const r = reader(input, 'DescribeProvisionedProduct');
    const product = requireProvisionedProduct(
      context,
      r.optionalString('Id'),
      r.optionalString('Name'),
    );
    return {
      ProvisionedProductDetail: provisionedProductDetail(product),
      CloudWatchDashboards: [],
    };
  },

  GetProvisionedProductOutputs(input, context) {
    const r = reader(input, 'GetProvisionedProductOutputs');
    const product = requireProvisionedProduct(
      context,
      r.optionalString('ProvisionedProductId'),
      r.optionalString('ProvisionedProductName'),
    );
    const keys = r.list<string>('OutputKeys');
    const recordId = product.lastSuccessfulProvisioningRecordId;
    const outputs = recordId
      ? context.state.serviceCatalog.records.get(recordId)?.outputs ?? []
      : [];
    const selected = keys.length
      ? outputs.filter(o => keys.includes(o.OutputKey))
      : outputs;
    const page = paginate(
      selected,
      `GetProvisionedProductOutputs:${product.id}`,
      r.optionalString('PageToken'),
      r.pageSize('PageSize', 20, 20),
      ERROR,
    );
    return { Outputs: page.items, NextPageToken: page.nextToken };
  },
};

/** AWS Service Catalog over awsJson1_1. */
export const serviceCatalogService: ServiceDefinition = {
  signingName: 'servicecatalog',
  protocol: new AwsJsonProtocol('1.1'),
  throttle: {
    code: 'ThrottlingException',
    statusCode: 400,
    message: 'Rate exceeded',
  },
  validationErrorCode: ERROR,
  operations,
};
