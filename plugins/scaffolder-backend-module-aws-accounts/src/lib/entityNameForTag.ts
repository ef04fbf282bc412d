import { InputError } from '@backstage/errors';

const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const MAX_TAG_VALUE_LENGTH = 256;

/**
 * The name part of an entity reference (`group:default/team-payments` gives
 * `team-payments`), checked against the kind the catalog provider maps the
 * tag back to.
 */
export function entityNameForTag(
  field: string,
  value: string,
  expectedKind: string,
): string {
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!match) {
    throw new InputError(
      `${field} "${value}" is not an entity reference; give a name such as team-payments or a reference such as ${expectedKind}:default/team-payments`,
    );
  }
  const [, kind, namespace, name] = match;
  if (kind && kind.toLocaleLowerCase('en-US') !== expectedKind) {
    throw new InputError(
      `${field} "${value}" is a ${kind}, but it must be a ${expectedKind}; choose a ${expectedKind} in the form`,
    );
  }
  if (namespace && namespace !== 'default') {
    throw new InputError(
      `${field} "${value}" is in namespace ${namespace}; account tags map to the default namespace, choose a ${expectedKind} there`,
    );
  }
  checkTagValue(field, name);
  return name;
}

/** Throws when AWS would refuse the value as a tag value. */
export function checkTagValue(field: string, value: string): void {
  if (value.length > MAX_TAG_VALUE_LENGTH || !TAG_VALUE_PATTERN.test(value)) {
    throw new InputError(
      `${field} "${value}" cannot be an AWS tag value: use at most ${MAX_TAG_VALUE_LENGTH} letters, digits, spaces and _ . : / = + - @`,
    );
  }
}
