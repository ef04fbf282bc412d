/**
 * Fail an operation with a server error at a rate.
 *
 * @public
 */
export interface OperationFailure {
  /** Signing name of the service, e.g. `securityhub`, `organizations`. */
  service: string;
  /** Operation name, e.g. `GetFindings`; every operation when absent. */
  operation?: string;
  /** Share of calls that fail, 0 to 1; the failures are spread evenly. */
  rate: number;
  /** HTTP status of the failure, 500 unless told (e.g. 503). */
  statusCode?: number;
}

/**
 * Delay answers of a service or an operation.
 *
 * @public
 */
export interface OperationLatency {
  service?: string;
  operation?: string;
  ms: number;
}

interface FailureRule extends OperationFailure {
  calls: number;
}

function matches(
  rule: { service?: string; operation?: string },
  service: string,
  operation: string,
) {
  return (
    (!rule.service || rule.service === service) &&
    (!rule.operation || rule.operation === operation)
  );
}

/**
 * Injected faults: failures at a rate and added latency. A rate is applied
 * deterministically (rate 0.5 fails the first call and every second one after it), so tests that rely
 * on it do not flake.
 */
export class FaultInjector {
  #failures: FailureRule[] = [];
  #latencies: OperationLatency[] = [];

  addFailure(failure: OperationFailure) {
    if (!(failure.rate >= 0 && failure.rate <= 1)) {
      throw new RangeError(
        `failOperation: rate must be between 0 and 1, got ${failure.rate}`,
      );
    }
    this.#failures.push({ ...failure, calls: 0 });
  }

  addLatency(latency: OperationLatency) {
    if (!(latency.ms >= 0)) {
      throw new RangeError(
        `addLatency: ms must be zero or more, got ${latency.ms}`,
      );
    }
    this.#latencies.push({ ...latency });
  }

  clear() {
    this.#failures = [];
    this.#latencies = [];
  }

  /** The status to fail this call with, or undefined to answer it. */
  failureFor(service: string, operation: string): number | undefined {
    for (const rule of this.#failures) {
      if (!matches(rule, service, operation)) {
        continue;
      }
      const before = Math.ceil(rule.calls * rule.rate);
      rule.calls += 1;
      const after = Math.ceil(rule.calls * rule.rate);
      if (after > before) {
        return rule.statusCode ?? 500;
      }
    }
    return undefined;
  }

  latencyFor(service: string, operation: string): number {
    return this.#latencies
      .filter(rule => matches(rule, service, operation))
      .reduce((total, rule) => total + rule.ms, 0);
  }
}
