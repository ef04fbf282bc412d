/**
 * Maps items with at most `concurrency` calls in flight, keeping order. A
 * rejected call rejects the whole map; callers catch per item. Once `signal`
 * is aborted no further item starts, and the map rejects with its reason
 * after the calls in flight end.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  map: (item: T) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.max(1, Math.min(concurrency, items.length)) },
    async () => {
      while (next < items.length && !signal?.aborted) {
        const index = next++;
        results[index] = await map(items[index]);
      }
    },
  );
  await Promise.all(workers);
  signal?.throwIfAborted();
  return results;
}
