import { InputError, NotFoundError } from '@backstage/errors';
import { SeedOptions } from '../seed/buildSandboxState';
import { QuotaLimiter } from '../quotas/QuotaLimiter';
import { QuotaRate } from '../quotas/quotaTable';
import type { SandboxState } from '../state/SandboxState';
import { CallCounter } from './CallCounter';
import {
  FaultInjector,
  OperationFailure,
  OperationLatency,
} from './FaultInjector';

/**
 * The control interface for tests and benchmarks. The same operations are
 * served over HTTP under `/_sandbox/...` (see the README).
 *
 * @public
 */
export interface SandboxControl {
  /** Builds the organization again from a seed and clears every fault. */
  reset(seed?: SeedOptions): void;
  /** AssumeRole into the account (one role, or every role) is AccessDenied. */
  denyAssumeRole(accountId: string, roleName?: string): void;
  allowAssumeRole(accountId: string, roleName?: string): void;
  /** Fails a share of an operation's calls with a 5xx. */
  failOperation(failure: OperationFailure): void;
  /** Delays answers of a service or operation. */
  addLatency(latency: OperationLatency): void;
  /** Removes injected failures and latency. */
  clearFaults(): void;
  /** While held, provisioning records stay IN_PROGRESS. */
  holdRecords(hold: boolean): void;
  /** The next provisioning record ends FAILED with this message. */
  failNextRecord(message: string): void;
  /** The next CloudFormation stack operation fails with this reason. */
  failNextStack(reason: string): void;
  /** Calls received per `service:Operation` (service = signing name). */
  callCounts(): Record<string, number>;
  resetCallCounts(): void;
  /** Sets tags on an account, as TagResource would. */
  tagAccount(accountId: string, tags: Record<string, string>): void;
  /** Multiplies every quota rate; 0 turns throttling off. */
  setQuotaScale(scale: number): void;
  /** Overrides the rate of `service` or `service:Operation`. */
  setQuota(key: string, rate: QuotaRate): void;
}

export interface ControlDependencies {
  state(): SandboxState;
  reset(seed: SeedOptions): void;
  faults: FaultInjector;
  calls: CallCounter;
  quotas: QuotaLimiter;
}

const ACCOUNT_ID = /^\d{12}$/;

function requireAccount(
  state: SandboxState,
  accountId: string,
  operation: string,
) {
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
    throw new InputError(
      `${operation}: accountId must be twelve digits, got ${JSON.stringify(
        accountId,
      )}`,
    );
  }
  if (!state.organization.accounts.has(accountId)) {
    throw new NotFoundError(
      `${operation}: account ${accountId} is not in the seeded organization; list accounts with GET /_sandbox/seed`,
    );
  }
}

/** The control interface over the sandbox's state, faults and quotas. */
export function createSandboxControl(
  deps: ControlDependencies,
): SandboxControl {
  return {
    reset(seed = {}) {
      deps.reset(seed);
      deps.faults.clear();
      deps.quotas.reset();
    },
    denyAssumeRole(accountId, roleName) {
      requireAccount(deps.state(), accountId, 'denyAssumeRole');
      deps.state().deniedRoles.add(`${accountId}/${roleName ?? '*'}`);
    },
    allowAssumeRole(accountId, roleName) {
      deps.state().deniedRoles.delete(`${accountId}/${roleName ?? '*'}`);
    },
    failOperation(failure) {
      if (!failure || typeof failure.service !== 'string' || !failure.service) {
        throw new InputError(
          'failOperation: service is required, e.g. "securityhub"',
        );
      }
      if (
        failure.statusCode !== undefined &&
        !(failure.statusCode >= 500 && failure.statusCode <= 599)
      ) {
        throw new InputError(
          `failOperation: statusCode must be a 5xx, got ${failure.statusCode}`,
        );
      }
      try {
        deps.faults.addFailure(failure);
      } catch (error) {
        throw new InputError((error as Error).message);
      }
    },
    addLatency(latency) {
      try {
        deps.faults.addLatency(latency);
      } catch (error) {
        throw new InputError((error as Error).message);
      }
    },
    clearFaults() {
      deps.faults.clear();
    },
    holdRecords(hold) {
      if (typeof hold !== 'boolean') {
        throw new InputError(
          `holdRecords: hold must be true or false, got ${JSON.stringify(
            hold,
          )}`,
        );
      }
      const catalog = deps.state().serviceCatalog;
      if (hold) {
        catalog.held = true;
      } else {
        catalog.releaseHeld(Date.now());
      }
    },
    failNextRecord(message) {
      if (typeof message !== 'string' || !message) {
        throw new InputError('failNextRecord: message is required');
      }
      deps.state().serviceCatalog.failNextRecord(message);
    },
    failNextStack(reason) {
      if (typeof reason !== 'string' || !reason) {
        throw new InputError('failNextStack: reason is required');
      }
      deps.state().cloudFormation.failNextStack(reason);
    },
    callCounts() {
      return deps.calls.snapshot();
    },
    resetCallCounts() {
      deps.calls.reset();
    },
    tagAccount(accountId, tags) {
      const state = deps.state();
      requireAccount(state, accountId, 'tagAccount');
      if (
        !tags ||
        typeof tags !== 'object' ||
        Object.values(tags).some(v => typeof v !== 'string')
      ) {
        throw new InputError(
          'tagAccount: tags must be an object of string values',
        );
      }
      state.organization.tags.set(accountId, {
        ...(state.organization.tags.get(accountId) ?? {}),
        ...tags,
      });
    },
    setQuotaScale(scale) {
      if (typeof scale !== 'number' || !(scale >= 0)) {
        throw new InputError(
          `setQuotaScale: scale must be a number of 0 or more, got ${JSON.stringify(
            scale,
          )}`,
        );
      }
      deps.quotas.setScale(scale);
    },
    setQuota(key, rate) {
      if (
        typeof key !== 'string' ||
        !key ||
        !rate ||
        !(rate.rate > 0) ||
        !(rate.burst >= 1)
      ) {
        throw new InputError(
          'setQuota: pass a key such as "securityhub:GetFindings" and { rate > 0, burst >= 1 }',
        );
      }
      deps.quotas.setRate(key, rate);
    },
  };
}
