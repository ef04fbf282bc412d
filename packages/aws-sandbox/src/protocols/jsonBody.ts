import { AwsServiceError } from './AwsServiceError';

/**
 * JSON text in which dates are epoch seconds, as the JSON protocols send
 * timestamps without a format trait.
 */
export function toJsonBody(value: unknown): string {
  return JSON.stringify(
    value,
    function replacer(
      this: Record<string, unknown>,
      key: string,
      item: unknown,
    ) {
      const original = this[key];
      if (original instanceof Date) {
        return original.getTime() / 1000;
      }
      return item;
    },
  );
}

/** Reads a JSON request body; an empty body is an empty input. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (!text) {
    return {};
  }
  try {
    const parsed = JSON.parse(text);
    if (
      parsed === null ||
      typeof parsed !== 'object' ||
      Array.isArray(parsed)
    ) {
      throw new Error('not an object');
    }
    return parsed as Record<string, unknown>;
  } catch {
    throw new AwsServiceError(
      'SerializationException',
      'The request body is not a JSON object; send the operation input as a JSON object.',
      400,
    );
  }
}
