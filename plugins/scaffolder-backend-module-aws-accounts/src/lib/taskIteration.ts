import { JsonObject } from '@backstage/types';

/**
 * Identifies the iteration of an `each` step, so that every iteration gets
 * its own provision token and checkpoints.
 */
export function taskIteration(
  each: JsonObject | undefined,
): string | undefined {
  return each ? JSON.stringify(each) : undefined;
}
