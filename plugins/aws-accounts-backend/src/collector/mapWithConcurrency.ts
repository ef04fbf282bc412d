/**
 * Maps items with at most `concurrency` calls in flight, keeping order. A
 * rejected call rejects the whole map; callers catch per item.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.max(1, Math.min(concurrency, items.length)) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await map(items[index]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}
