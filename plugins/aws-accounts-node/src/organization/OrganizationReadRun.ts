import { OrganizationReadError } from './OrganizationReadError';
import { RequestPacer } from './RequestPacer';
import { OrganizationReadStatistics, OrganizationsOperation } from './types';

/** What a request reads, for the error when it fails. */
export interface ReadContext {
  subject: string;
  accountId?: string;
}

interface Answer {
  $metadata?: { attempts?: number };
}

/**
 * The bookkeeping of one read: every request goes through the shared pacer,
 * is counted per operation with the SDK's retries, and stops once the run
 * has failed or its signal has aborted. Failures become
 * `OrganizationReadError`s that name what was read and as whom.
 */
export class OrganizationReadRun {
  readonly #pacer: RequestPacer;
  readonly #principal: string;
  readonly #signal?: AbortSignal;
  readonly #startedAt = Date.now();
  readonly #calls: Record<OrganizationsOperation, number> = {
    DescribeOrganization: 0,
    ListRoots: 0,
    ListOrganizationalUnitsForParent: 0,
    ListAccountsForParent: 0,
    ListTagsForResource: 0,
  };
  #retries = 0;
  #failed = false;

  constructor(options: {
    pacer: RequestPacer;
    principal: string;
    signal?: AbortSignal;
  }) {
    this.#pacer = options.pacer;
    this.#principal = options.principal;
    this.#signal = options.signal;
  }

  /** One request that does not page. */
  async send<TAnswer extends Answer>(
    operation: OrganizationsOperation,
    context: ReadContext,
    request: () => Promise<TAnswer>,
  ): Promise<TAnswer> {
    try {
      const answer = await this.#pacer.run(async () => {
        this.#signal?.throwIfAborted();
        return request();
      });
      this.#count(operation, answer);
      return answer;
    } catch (error) {
      this.#failed = true;
      throw this.failure(operation, context, error);
    }
  }

  /**
   * Follows a paginator page by page, each request through the pacer. The
   * paginator is not asked for a page after the last one, which would cost
   * a pacer turn without a request.
   */
  async readPages<TPage extends Answer & { NextToken?: string }>(
    operation: OrganizationsOperation,
    context: ReadContext,
    pages: AsyncIterable<TPage>,
  ): Promise<TPage[]> {
    const iterator = pages[Symbol.asyncIterator]();
    const result: TPage[] = [];
    try {
      for (;;) {
        // Checked when the pacer's turn comes, not before queueing, so a
        // failure elsewhere stops requests that were already waiting.
        const next = await this.#pacer.run(async () => {
          this.#signal?.throwIfAborted();
          return this.#failed ? undefined : iterator.next();
        });
        if (!next || next.done) {
          break;
        }
        this.#count(operation, next.value);
        result.push(next.value);
        if (!next.value.NextToken) {
          break;
        }
      }
    } catch (error) {
      this.#failed = true;
      throw this.failure(operation, context, error);
    }
    return result;
  }

  /**
   * Runs the work for every item at once (the pacer decides what actually
   * goes out). The first failure marks the run failed, so requests still
   * queued are dropped instead of sent; this settles only when no work is
   * left in flight, then throws that first failure.
   */
  async settleAll<TItem, TResult>(
    items: TItem[],
    work: (item: TItem) => Promise<TResult>,
  ): Promise<TResult[]> {
    const outcomes = await Promise.allSettled(
      items.map(async item => {
        try {
          return await work(item);
        } catch (error) {
          this.#failed = true;
          throw error;
        }
      }),
    );
    const results: TResult[] = [];
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        throw outcome.reason;
      }
      results.push(outcome.value);
    }
    return results;
  }

  /** The error for a request that failed, or for an answer that is unusable. */
  failure(
    operation: OrganizationsOperation,
    context: ReadContext,
    cause?: unknown,
  ): OrganizationReadError {
    const failure = { operation, principal: this.#principal, ...context };
    if (cause instanceof OrganizationReadError) {
      return cause;
    }
    return cause === undefined
      ? OrganizationReadError.malformedAnswer(failure)
      : OrganizationReadError.fromCause(failure, cause);
  }

  statistics(): OrganizationReadStatistics {
    return {
      calls: { ...this.#calls },
      totalCalls: Object.values(this.#calls).reduce((a, b) => a + b, 0),
      retries: this.#retries,
      durationMs: Date.now() - this.#startedAt,
    };
  }

  #count(operation: OrganizationsOperation, answer: Answer | undefined) {
    this.#calls[operation] += 1;
    this.#retries += Math.max(0, (answer?.$metadata?.attempts ?? 1) - 1);
  }
}
