import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { parse } from 'yaml';

/** The input type of an action's handler. */
export type ActionInput<
  TAction extends { handler: (...args: never[]) => unknown },
> = Parameters<TAction['handler']>[0]['input'];

/**
 * The input of the single step of an example, checked for its action. The
 * handler's own validation decides whether the input fits it.
 */
export function exampleInput<TInput extends JsonObject = JsonObject>(
  example: TemplateExample,
  actionId: string,
): TInput {
  const { steps } = parse(example.example) as {
    steps: { action: string; input: TInput }[];
  };
  expect(steps).toHaveLength(1);
  expect(steps[0].action).toBe(actionId);
  return steps[0].input;
}
