import { uuidFrom, hexDigest } from '../../seed/resourceId';
import { CatalogProduct, catalogProducts } from './catalogProducts';

export type RecordStatus =
  | 'CREATED'
  | 'IN_PROGRESS'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'IN_PROGRESS_IN_ERROR';

export interface ProvisioningRecord {
  id: string;
  type:
    | 'PROVISION_PRODUCT'
    | 'UPDATE_PROVISIONED_PRODUCT'
    | 'TERMINATE_PROVISIONED_PRODUCT';
  provisionedProductId: string;
  productId: string;
  artifactId: string;
  pathId: string;
  createdAt: number;
  updatedAt: number;
  /** When the record may start (after CREATED) and finish. */
  startsAt: number;
  finishesAt: number;
  status: RecordStatus;
  errors: { Code: string; Description: string }[];
  outputs: { OutputKey: string; OutputValue: string; Description?: string }[];
  parameters: Record<string, string>;
  tags: { Key: string; Value: string }[];
  /** Failure decided when provisioning was requested (fault injection). */
  injectedFailure?: string;
}

export interface ProvisionedProduct {
  id: string;
  name: string;
  arn: string;
  accountId: string;
  region: string;
  type: 'CFN_STACK';
  status:
    | 'UNDER_CHANGE'
    | 'AVAILABLE'
    | 'ERROR'
    | 'TAINTED'
    | 'PLAN_IN_PROGRESS';
  statusMessage?: string;
  createdAt: number;
  idempotencyToken: string;
  lastRecordId: string;
  lastProvisioningRecordId: string;
  lastSuccessfulProvisioningRecordId?: string;
  productId: string;
  artifactId: string;
  stackId?: string;
  userArn: string;
  tags: { Key: string; Value: string }[];
}

/**
 * What finishing a record needs from the rest of the sandbox: for Account
 * Factory, check the email and create the account; for any product, report
 * the stack's outcome.
 */
export interface RecordCompletion {
  complete(record: ProvisioningRecord, product: ProvisionedProduct): void;
}

/**
 * Service Catalog in the management account: the portfolio's products,
 * provisioning records and provisioned products. Records move
 * CREATED → IN_PROGRESS → SUCCEEDED or FAILED, applied lazily on every
 * request like CloudFormation stacks.
 */
export class ServiceCatalogState {
  readonly products: CatalogProduct[] = catalogProducts();
  readonly records = new Map<string, ProvisioningRecord>();
  readonly provisionedProducts = new Map<string, ProvisionedProduct>();
  readonly tokens = new Map<string, string>();
  held = false;
  #failNext: string | undefined;
  #sequence = 0;

  constructor(readonly delayMs: () => number) {}

  product(idOrName: string): CatalogProduct | undefined {
    return this.products.find(p => p.id === idOrName || p.name === idOrName);
  }

  failNextRecord(message: string) {
    this.#failNext = message;
  }

  takeInjectedFailure(): string | undefined {
    const failure = this.#failNext;
    this.#failNext = undefined;
    return failure;
  }

  nextIds(seed: string) {
    this.#sequence += 1;
    const hex = hexDigest(`${seed}/${this.#sequence}`, 13);
    return {
      recordId: `rec-${hex}`,
      provisionedProductId: `pp-${hex}`,
      sequence: this.#sequence,
    };
  }

  activeAccountFactoryRecords(): number {
    let count = 0;
    for (const record of this.records.values()) {
      const product = this.product(record.productId);
      if (
        product?.isAccountFactory &&
        (record.status === 'CREATED' || record.status === 'IN_PROGRESS')
      ) {
        count += 1;
      }
    }
    return count;
  }

  findProvisionedProduct(idOrName: { id?: string; name?: string }) {
    if (idOrName.id) {
      return this.provisionedProducts.get(idOrName.id);
    }
    for (const product of this.provisionedProducts.values()) {
      if (product.name === idOrName.name) {
        return product;
      }
    }
    return undefined;
  }

  /** Moves records whose time has come; completion applies their effects. */
  advance(now: number, completion: RecordCompletion) {
    for (const record of this.records.values()) {
      if (record.status === 'CREATED' && now >= record.startsAt) {
        record.status = 'IN_PROGRESS';
        record.updatedAt = record.startsAt;
      }
      if (
        record.status !== 'IN_PROGRESS' ||
        this.held ||
        now < record.finishesAt
      ) {
        continue;
      }
      const product = this.provisionedProducts.get(record.provisionedProductId);
      if (!product) {
        continue;
      }
      record.updatedAt = Math.max(record.finishesAt, record.startsAt);
      completion.complete(record, product);
    }
  }

  releaseHeld(now: number) {
    this.held = false;
    for (const record of this.records.values()) {
      if (record.status === 'IN_PROGRESS' && record.finishesAt < now) {
        record.finishesAt = now;
      }
    }
  }

  /** A stable, deterministic UUID for idempotency tokens given by no one. */
  static generatedToken(seed: string) {
    return uuidFrom('token', seed);
  }
}
