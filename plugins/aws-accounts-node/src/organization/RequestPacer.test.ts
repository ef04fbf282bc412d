import { RequestPacer } from './RequestPacer';

describe('RequestPacer', () => {
  it('keeps no more than the allowed requests in flight', async () => {
    const pacer = RequestPacer.create({
      maxConcurrency: 2,
      requestsPerSecond: 10_000,
    });
    let inFlight = 0;
    let mostInFlight = 0;

    await Promise.all(
      Array.from({ length: 10 }, () =>
        pacer.run(async () => {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await new Promise(resolve => setTimeout(resolve, 5));
          inFlight -= 1;
        }),
      ),
    );

    expect(mostInFlight).toBe(2);
  });

  it('spaces the starts by the rate', async () => {
    const pacer = RequestPacer.create({
      maxConcurrency: 10,
      requestsPerSecond: 50,
    });
    const startedAt: number[] = [];

    await Promise.all(
      Array.from({ length: 6 }, () =>
        pacer.run(async () => {
          startedAt.push(Date.now());
        }),
      ),
    );

    // Six starts at 20 ms intervals span at least 100 ms.
    expect(startedAt[5] - startedAt[0]).toBeGreaterThanOrEqual(95);
  });

  it('frees the slot when a request fails', async () => {
    const pacer = RequestPacer.create({
      maxConcurrency: 1,
      requestsPerSecond: 10_000,
    });

    await expect(
      pacer.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(pacer.run(async () => 'next')).resolves.toBe('next');
  });

  it('rejects settings that would stall or flood', () => {
    expect(() =>
      RequestPacer.create({ maxConcurrency: 0, requestsPerSecond: 1 }),
    ).toThrow(
      'The request concurrency must be a whole number of at least 1, got 0',
    );
    expect(() =>
      RequestPacer.create({ maxConcurrency: 1, requestsPerSecond: 0 }),
    ).toThrow(
      'The request rate must be a number of requests per second above 0, got 0',
    );
  });
});
