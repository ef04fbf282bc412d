import { delay, nextInterval } from './delay';

describe('delay', () => {
  it('resolves after the time', async () => {
    await expect(delay(1)).resolves.toBeUndefined();
  });

  it('rejects when the task is cancelled while waiting', async () => {
    const controller = new AbortController();
    const waiting = delay(60_000, controller.signal);

    controller.abort();

    await expect(waiting).rejects.toThrow(
      'The task was cancelled while waiting',
    );
  });

  it('rejects at once when the task was already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(delay(60_000, controller.signal)).rejects.toThrow('cancelled');
  });

  it('doubles the interval up to the cap', () => {
    expect(nextInterval(5, 30)).toBe(10);
    expect(nextInterval(20, 30)).toBe(30);
    expect(nextInterval(0, 30)).toBe(1);
  });
});
