import { JsonValue } from '@backstage/types';
import { Checkpoint } from '../lib/Checkpoint';

/**
 * Keeps checkpoints between two runs of the same task, the way the
 * scaffolder's task state does when a task is resumed.
 */
export function createCheckpointStore(): {
  checkpoint: Checkpoint;
  values: Map<string, JsonValue | void>;
} {
  const values = new Map<string, JsonValue | void>();
  const checkpoint: Checkpoint = async <T extends JsonValue | void>(opts: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (values.has(opts.key)) {
      return values.get(opts.key) as T;
    }
    const value = await opts.fn();
    values.set(opts.key, value);
    return value;
  };
  return { checkpoint, values };
}
