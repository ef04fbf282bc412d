import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { RefreshRequestDebouncer } from './RefreshRequestDebouncer';

describe('RefreshRequestDebouncer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup(startRead: jest.Mock) {
    const logger = mockServices.logger.mock();
    const debouncer = new RefreshRequestDebouncer({
      startRead,
      logger,
      delayMs: 1_000,
      maxBusyRetries: 2,
    });
    return { debouncer, logger };
  }

  it('starts one read for a burst of requests, after the window', async () => {
    const startRead = jest.fn(async () => {});
    const { debouncer } = setup(startRead);

    debouncer.request();
    await jest.advanceTimersByTimeAsync(500);
    debouncer.request();
    debouncer.request();
    expect(startRead).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(500);

    expect(startRead).toHaveBeenCalledTimes(1);

    debouncer.request();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(startRead).toHaveBeenCalledTimes(2);
  });

  it('waits out a read that is already running, then gives up with a warning', async () => {
    const startRead = jest.fn(async () => {
      throw new ConflictError('Task is currently running');
    });
    const { debouncer, logger } = setup(startRead);

    debouncer.request();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(startRead).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2_000);

    expect(startRead).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not start an immediate read of the AWS organization; the accounts are read again on the next schedule: ConflictError: Task is currently running',
    );
  });

  it('retries a running read until it can start one', async () => {
    const startRead = jest
      .fn()
      .mockRejectedValueOnce(new ConflictError('Task is currently running'))
      .mockResolvedValueOnce(undefined);
    const { debouncer, logger } = setup(startRead);

    debouncer.request();
    await jest.advanceTimersByTimeAsync(2_000);

    expect(startRead).toHaveBeenCalledTimes(2);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('warns at once on other failures', async () => {
    const startRead = jest
      .fn()
      .mockRejectedValue(new NotFoundError('Task does not exist'));
    const { debouncer, logger } = setup(startRead);

    debouncer.request();
    await jest.advanceTimersByTimeAsync(5_000);

    expect(startRead).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('drops pending and later requests once stopped', async () => {
    const startRead = jest.fn(async () => {});
    const { debouncer } = setup(startRead);

    debouncer.request();
    debouncer.stop();
    debouncer.request();
    await jest.advanceTimersByTimeAsync(5_000);

    expect(startRead).not.toHaveBeenCalled();
  });
});
