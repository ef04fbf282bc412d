import { InputError } from '@backstage/errors';

const MAX_LENGTH = 128;

/**
 * Turns any text into a name Service Catalog accepts for a provisioned
 * product: starts with a letter or digit, then letters, digits, `.`, `_` or
 * `-`, at most 128 characters.
 */
export function sanitizeProvisionedProductName(text: string): string {
  const name = text
    .trim()
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .replace(/^[^a-zA-Z0-9]+/, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  if (!name) {
    throw new InputError(
      `Cannot derive a provisioned product name from "${text}"; give provisionedProductName with letters or digits`,
    );
  }
  return name;
}
