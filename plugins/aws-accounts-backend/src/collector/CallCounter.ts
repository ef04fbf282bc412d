/**
 * A client whose middleware stack can take one more step; every AWS SDK v3
 * client qualifies.
 */
export interface CountableClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { clientName?: string; commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string; override: boolean },
    ): void;
  };
}

/**
 * Counts AWS calls per `service:Operation` for the cost line each run logs.
 * Retries by the SDK are one call here: the count is of operations asked
 * for, which is what quotas are published against.
 */
export class CallCounter {
  readonly #counts = new Map<string, number>();

  static create(): CallCounter {
    return new CallCounter();
  }

  private constructor() {}

  /** Adds the counting step to a client and returns the client. */
  attach<TClient>(client: TClient, service: string): TClient {
    (client as unknown as CountableClient).middlewareStack.add(
      (next, context) => async args => {
        const key = `${service}:${
          context.commandName?.replace(/Command$/, '') ?? 'unknown'
        }`;
        this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'awsAccountsCallCounter', override: true },
    );
    return client;
  }

  /** Calls so far per `service:Operation`, sorted by name. */
  counts(): Record<string, number> {
    return Object.fromEntries(
      [...this.#counts.entries()].sort(([a], [b]) => a.localeCompare(b)),
    );
  }

  total(): number {
    let sum = 0;
    for (const count of this.#counts.values()) sum += count;
    return sum;
  }
}
