import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  DescribeProvisionedProductCommand,
  ProvisionProductCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { BusyRetrySettings, PollingSettings } from '../config/VendingSettings';
import { Checkpoint } from './Checkpoint';
import { delay, nextInterval } from './delay';
import { isAccountFactoryBusy } from './isAccountFactoryBusy';
import { ProductLaunch } from './resolveProductLaunch';
import { RecordResult, waitForRecord } from './waitForRecord';

/** Statuses of a provisioned product whose last provisioning failed. */
const FAILED_PRODUCT_STATUSES = new Set(['ERROR', 'TAINTED']);
const MAX_NAME_LENGTH = 128;

/** Options of {@link provisionProduct}. */
export interface ProvisionProductOptions {
  serviceCatalog: ServiceCatalogClient;
  cloudFormation: CloudFormationClient;
  logger: LoggerService;
  checkpoint: Checkpoint;
  /** Stable per task and step; see createProvisionToken. */
  provisionToken: string;
  launch: ProductLaunch;
  provisionedProductName: string;
  parameters: Record<string, string>;
  tags: Record<string, string>;
  region: string;
  timeoutMs: number;
  polling: PollingSettings;
  /** Retries while the product is busy; one attempt without it. */
  busyRetry?: BusyRetrySettings;
  signal?: AbortSignal;
}

/**
 * Provisions a product and waits for its record. The record id is kept in a
 * checkpoint and the request carries the task's provision token, so a resumed
 * task waits for its first record instead of asking again. When the product
 * is busy with another operation, it waits and tries again with backoff,
 * each attempt with its own token and checkpoint.
 */
export async function provisionProduct(
  options: ProvisionProductOptions,
): Promise<RecordResult> {
  const { logger, busyRetry } = options;
  const attempts = Math.max(1, busyRetry?.attempts ?? 1);
  let wait = busyRetry?.initialDelayMs ?? 0;

  for (let attempt = 1; ; attempt++) {
    const token =
      attempt === 1
        ? options.provisionToken
        : `${options.provisionToken}-r${attempt}`;
    try {
      const recordId = await options.checkpoint({
        key: `record-${token}`,
        fn: () => requestProvisioning(options, token),
      });
      return await waitForRecord({
        serviceCatalog: options.serviceCatalog,
        cloudFormation: options.cloudFormation,
        recordId,
        logger,
        timeoutMs: options.timeoutMs,
        polling: options.polling,
        region: options.region,
        signal: options.signal,
      });
    } catch (error) {
      if (!isAccountFactoryBusy(error)) {
        throw error;
      }
      if (attempt >= attempts) {
        throw new ConflictError(
          `${options.launch.productName} stayed busy with another operation through ${attempts} attempts. Wait until the running operation finishes (Service Catalog > Provisioned products shows it UNDER_CHANGE, Control Tower shows it in Account Factory) and rerun the task; a rerun does not create a second account.`,
          error,
        );
      }
      logger.warn(
        `${
          options.launch.productName
        } is busy with another operation; attempt ${attempt} of ${attempts}, trying again in ${Math.round(
          wait / 1000,
        )} seconds`,
        { attempt },
      );
      await delay(wait, options.signal);
      wait = nextInterval(wait, busyRetry?.maxDelayMs ?? wait);
    }
  }
}

async function requestProvisioning(
  options: ProvisionProductOptions,
  token: string,
): Promise<string> {
  try {
    return await sendProvisionProduct(
      options,
      token,
      options.provisionedProductName,
    );
  } catch (error) {
    const retryName = await nameBesideFailedProduct(options, token, error);
    if (!retryName) {
      throw explainProvisionError(error, options);
    }
    try {
      return await sendProvisionProduct(options, token, retryName);
    } catch (retryError) {
      throw explainProvisionError(retryError, options);
    }
  }
}

async function sendProvisionProduct(
  options: ProvisionProductOptions,
  token: string,
  provisionedProductName: string,
): Promise<string> {
  const { launch, logger } = options;
  const response = await options.serviceCatalog.send(
    new ProvisionProductCommand({
      ProductId: launch.productId,
      ProvisioningArtifactId: launch.provisioningArtifactId,
      PathId: launch.launchPathId,
      ProvisionedProductName: provisionedProductName,
      ProvisioningParameters: Object.entries(options.parameters).map(
        ([Key, Value]) => ({ Key, Value }),
      ),
      Tags: Object.entries(options.tags).map(([Key, Value]) => ({
        Key,
        Value,
      })),
      ProvisionToken: token,
    }),
  );
  const recordId = response.RecordDetail?.RecordId;
  if (!recordId) {
    throw new NotFoundError(
      `Service Catalog accepted ${provisionedProductName} but returned no record id; look it up under Provisioned products in the Service Catalog console (${options.region})`,
    );
  }
  logger.info(
    `Provisioning ${launch.productName} (${launch.provisioningArtifactName}) as ${provisionedProductName}, record ${recordId}`,
    { recordId, productId: launch.productId },
  );
  return recordId;
}

/**
 * When the name belongs to a provisioned product that failed earlier (a
 * previous run of the template), a new request goes under a name derived
 * from this task, so that the rerun can finish; the failed one is left for
 * an administrator to terminate. Any other owner of the name is a conflict.
 */
async function nameBesideFailedProduct(
  options: ProvisionProductOptions,
  token: string,
  error: unknown,
): Promise<string | undefined> {
  if ((error as Error)?.name !== 'DuplicateResourceException') {
    return undefined;
  }
  const name = options.provisionedProductName;
  const detail = await options.serviceCatalog
    .send(new DescribeProvisionedProductCommand({ Name: name }))
    .then(response => response.ProvisionedProductDetail)
    .catch(() => undefined);
  if (!detail || !FAILED_PRODUCT_STATUSES.has(detail.Status ?? '')) {
    return undefined;
  }
  const retryName = `${name.slice(0, MAX_NAME_LENGTH - 9)}-${token.slice(-8)}`;
  options.logger.warn(
    `Provisioned product ${name} (${detail.Id}) failed earlier; provisioning as ${retryName} instead. Terminate ${name} in the Service Catalog console once you no longer need its record.`,
    { provisionedProductId: detail.Id },
  );
  return retryName;
}

function explainProvisionError(
  error: unknown,
  options: ProvisionProductOptions,
): unknown {
  if (!(error instanceof Error) || isAccountFactoryBusy(error)) {
    return error;
  }
  const { productName } = options.launch;
  if (/launch path/i.test(error.message)) {
    return new NotAllowedError(
      `No launch path of ${productName} is available to the caller's principal: ${error.message}. Associate the vending role with a portfolio that contains the product (Service Catalog > Portfolios > Access).`,
      error,
    );
  }
  if (error.name === 'DuplicateResourceException') {
    return new ConflictError(
      `A provisioned product named ${options.provisionedProductName} already exists: ${error.message}. Choose another name, or terminate the old one if it failed.`,
      error,
    );
  }
  if (error.name === 'InvalidParametersException') {
    return new InputError(
      `${productName} rejected the request: ${
        error.message
      }. Check the parameters${
        /organizational|ou-/i.test(error.message)
          ? '; the organizational unit must be registered with Control Tower'
          : ''
      }.`,
      error,
    );
  }
  if (error.name === 'ResourceNotFoundException') {
    return new NotFoundError(
      `${productName} or its provisioning artifact was not found: ${error.message}`,
      error,
    );
  }
  return error;
}
