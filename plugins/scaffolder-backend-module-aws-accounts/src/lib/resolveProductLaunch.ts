import {
  DescribeProductCommand,
  DescribeProductOutput,
  ProvisioningArtifact,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';

/** What to provision, each part given by id or by name. */
export interface ProductLaunchRequest {
  product: string;
  provisioningArtifact?: string;
  launchPath?: string;
}

/** The ids ProvisionProduct needs, with names for the log. */
export interface ProductLaunch {
  productId: string;
  productName: string;
  provisioningArtifactId: string;
  provisioningArtifactName: string;
  launchPathId: string;
}

const PRODUCT_ID_PATTERN = /^prod-[a-z0-9]+$/;

/**
 * Finds the product, the provisioning artifact (default: the one marked
 * DEFAULT, else the only active one) and the launch path (default: the only
 * one) the caller may use.
 */
export async function resolveProductLaunch(
  client: ServiceCatalogClient,
  request: ProductLaunchRequest,
): Promise<ProductLaunch> {
  const product = await describeProduct(client, request.product);
  const summary = product.ProductViewSummary;
  const productId = summary?.ProductId;
  const productName = summary?.Name ?? request.product;
  if (!productId) {
    throw new NotFoundError(
      `Service Catalog product "${request.product}" was not found; check the product id or name and that it is shared with the caller's portfolio`,
    );
  }

  const artifact = chooseArtifact(
    productName,
    product.ProvisioningArtifacts ?? [],
    request.provisioningArtifact,
  );
  const launchPathId = chooseLaunchPath(
    productName,
    product.LaunchPaths ?? [],
    request.launchPath,
  );

  return {
    productId,
    productName,
    provisioningArtifactId: artifact.Id!,
    provisioningArtifactName: artifact.Name ?? artifact.Id!,
    launchPathId,
  };
}

async function describeProduct(
  client: ServiceCatalogClient,
  product: string,
): Promise<DescribeProductOutput> {
  const byId = PRODUCT_ID_PATTERN.test(product);
  try {
    return await client.send(
      new DescribeProductCommand(byId ? { Id: product } : { Name: product }),
    );
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') {
      throw new NotFoundError(
        `Service Catalog product "${product}" was not found or is not shared with the caller; check the ${
          byId ? 'product id' : 'product name'
        } and that the caller's principal is associated with a portfolio that contains it`,
      );
    }
    throw error;
  }
}

function chooseArtifact(
  productName: string,
  artifacts: ProvisioningArtifact[],
  wanted: string | undefined,
): ProvisioningArtifact {
  const usable = artifacts.filter(a => a.Id && a.Guidance !== 'DEPRECATED');
  if (wanted) {
    const match = artifacts.find(a => a.Id === wanted || a.Name === wanted);
    if (!match) {
      throw new NotFoundError(
        `Product "${productName}" has no provisioning artifact "${wanted}"; available: ${describeArtifacts(
          artifacts,
        )}`,
      );
    }
    return match;
  }
  const marked = usable.filter(a => a.Guidance === 'DEFAULT');
  if (marked.length === 1) {
    return marked[0];
  }
  if (usable.length === 1) {
    return usable[0];
  }
  if (usable.length === 0) {
    throw new NotFoundError(
      `Product "${productName}" has no active provisioning artifact; ask the product's administrator to activate a version`,
    );
  }
  throw new InputError(
    `Product "${productName}" has several provisioning artifacts and none is marked default; choose one with provisioningArtifact: ${describeArtifacts(
      usable,
    )}`,
  );
}

function chooseLaunchPath(
  productName: string,
  paths: { Id?: string; Name?: string }[],
  wanted: string | undefined,
): string {
  const usable = paths.filter(p => p.Id);
  if (usable.length === 0) {
    throw new NotAllowedError(
      `No launch path of product "${productName}" is available to the caller's principal; associate the vending role with a portfolio that contains the product (Service Catalog > Portfolios > Access)`,
    );
  }
  if (wanted) {
    const match = usable.find(p => p.Id === wanted || p.Name === wanted);
    if (!match) {
      throw new NotFoundError(
        `Product "${productName}" has no launch path "${wanted}" for the caller; available: ${describePaths(
          usable,
        )}`,
      );
    }
    return match.Id!;
  }
  if (usable.length > 1) {
    throw new InputError(
      `Product "${productName}" has several launch paths; choose one with launchPath: ${describePaths(
        usable,
      )}`,
    );
  }
  return usable[0].Id!;
}

function describeArtifacts(artifacts: ProvisioningArtifact[]): string {
  return (
    artifacts
      .map(
        a =>
          `${a.Id} (${a.Name ?? 'unnamed'}${
            a.Guidance === 'DEPRECATED' ? ', deprecated' : ''
          })`,
      )
      .join(', ') || 'none'
  );
}

function describePaths(paths: { Id?: string; Name?: string }[]): string {
  return paths.map(p => `${p.Id} (${p.Name ?? 'unnamed'})`).join(', ');
}
