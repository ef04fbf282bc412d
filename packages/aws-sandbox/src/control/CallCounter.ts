/** Calls received per `service:Operation`. */
export class CallCounter {
  #counts = new Map<string, number>();

  record(service: string, operation: string) {
    const key = `${service}:${operation}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }

  reset() {
    this.#counts.clear();
  }
}
