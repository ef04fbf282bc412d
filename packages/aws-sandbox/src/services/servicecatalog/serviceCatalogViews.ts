import type { SandboxState } from '../../state/SandboxState';
import { CatalogProduct } from './catalogProducts';
import { ProvisionedProduct, ProvisioningRecord } from './ServiceCatalogState';

/** Service Catalog's answer shapes, built from the sandbox's state. */

export function productViewSummary(product: CatalogProduct) {
  return {
    Id: product.id.replace(/^prod-/, 'prodview-'),
    ProductId: product.id,
    Name: product.name,
    Owner: product.owner,
    ShortDescription: product.description,
    Type: 'CLOUD_FORMATION_TEMPLATE',
    Distributor: product.distributor,
    HasDefaultPath: false,
  };
}

export function provisioningArtifactDetail(product: CatalogProduct) {
  return {
    Id: product.artifact.id,
    Name: product.artifact.name,
    Description: product.artifact.description,
    Type: 'CLOUD_FORMATION_TEMPLATE',
    CreatedTime: product.artifact.createdAt,
    Active: true,
    Guidance: 'DEFAULT',
  };
}

export function launchPathSummary(product: CatalogProduct) {
  return {
    Id: product.launchPath.id,
    Name: product.launchPath.name,
    ConstraintSummaries: [
      {
        Type: 'LAUNCH',
        Description: product.isAccountFactory
          ? 'Launches as AWSControlTowerStackSetRole'
          : 'Launches as SCLaunchRole',
      },
    ],
    Tags: [],
  };
}

export function recordDetail(state: SandboxState, record: ProvisioningRecord) {
  const product = state.serviceCatalog.provisionedProducts.get(
    record.provisionedProductId,
  );
  return {
    RecordId: record.id,
    ProvisionedProductName: product?.name,
    Status: record.status,
    CreatedTime: new Date(record.createdAt),
    UpdatedTime: new Date(record.updatedAt),
    ProvisionedProductType: 'CFN_STACK',
    RecordType: record.type,
    ProvisionedProductId: record.provisionedProductId,
    ProductId: record.productId,
    ProvisioningArtifactId: record.artifactId,
    PathId: record.pathId,
    RecordErrors: record.errors,
    RecordTags: record.tags,
  };
}

export function provisionedProductAttribute(
  state: SandboxState,
  product: ProvisionedProduct,
) {
  const catalogProduct = state.serviceCatalog.product(product.productId);
  return {
    Name: product.name,
    Arn: product.arn,
    Type: product.type,
    Id: product.id,
    Status: product.status,
    StatusMessage: product.statusMessage,
    CreatedTime: new Date(product.createdAt),
    IdempotencyToken: product.idempotencyToken,
    LastRecordId: product.lastRecordId,
    LastProvisioningRecordId: product.lastProvisioningRecordId,
    LastSuccessfulProvisioningRecordId:
      product.lastSuccessfulProvisioningRecordId,
    Tags: product.tags,
    PhysicalId: product.stackId,
    ProductId: product.productId,
    ProductName: catalogProduct?.name,
    ProvisioningArtifactId: product.artifactId,
    ProvisioningArtifactName: catalogProduct?.artifact.name,
    UserArn: product.userArn,
    UserArnSession: product.userArn,
  };
}

export function provisionedProductDetail(product: ProvisionedProduct) {
  return {
    Name: product.name,
    Arn: product.arn,
    Type: product.type,
    Id: product.id,
    Status: product.status,
    StatusMessage: product.statusMessage,
    CreatedTime: new Date(product.createdAt),
    IdempotencyToken: product.idempotencyToken,
    LastRecordId: product.lastRecordId,
    LastProvisioningRecordId: product.lastProvisioningRecordId,
    LastSuccessfulProvisioningRecordId:
      product.lastSuccessfulProvisioningRecordId,
    ProductId: product.productId,
    ProvisioningArtifactId: product.artifactId,
  };
}
