import { mapWithConcurrency } from './mapWithConcurrency';

describe('mapWithConcurrency', () => {
  it('keeps the order of the items with several calls in flight', async () => {
    const results = await mapWithConcurrency([30, 10, 20], 2, async delay => {
      await new Promise(resolve => setTimeout(resolve, delay));
      return delay * 2;
    });

    expect(results).toEqual([60, 20, 40]);
  });

  it('starts no item after the signal aborts, and rejects with its reason', async () => {
    const controller = new AbortController();
    const started: number[] = [];

    const run = mapWithConcurrency(
      [1, 2, 3, 4, 5],
      1,
      async item => {
        started.push(item);
        if (item === 2) controller.abort(new Error('backend stopping'));
        return item;
      },
      controller.signal,
    );

    await expect(run).rejects.toThrow('backend stopping');
    expect(started).toEqual([1, 2]);
  });
});
