import { JsonValue } from '@backstage/types';

/**
 * The scaffolder's `ctx.checkpoint`: runs `fn` once per task and key, and
 * on a resumed task returns the stored value instead of running it again.
 */
export type Checkpoint = <T extends JsonValue | void>(opts: {
  key: string;
  fn: () => Promise<T> | T;
}) => Promise<T>;
