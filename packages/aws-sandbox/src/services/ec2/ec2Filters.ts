import { AwsServiceError } from '../../protocols/AwsServiceError';
import { Ec2Tag } from './Ec2Resources';

/** How to read the values a filter name matches for one resource type. */
export type FilterFields<T> = Record<string, (resource: T) => unknown>;

interface Filter {
  Name?: string;
  Value?: string[];
}

function matchesPattern(value: string, pattern: string) {
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return value === pattern;
  }
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}

function valuesOf(raw: unknown): string[] {
  if (Array.isArray(raw)) {
    return raw.flatMap(valuesOf);
  }
  return raw === undefined || raw === null ? [] : [String(raw)];
}

/**
 * Applies EC2 `Filter.N.Name` / `Filter.N.Value.M` filters: every filter
 * must match, any value of a filter may match, `*` and `?` are wildcards,
 * and `tag:Key` filters read the tag set.
 */
export function applyFilters<T extends { tagSet?: Ec2Tag[] }>(
  resources: T[],
  filters: Filter[],
  fields: FilterFields<T>,
): T[] {
  for (const filter of filters) {
    const name = filter.Name ?? '';
    if (!name.startsWith('tag:') && name !== 'tag-key' && !fields[name]) {
      throw new AwsServiceError(
        'InvalidParameterValue',
        `The filter '${name}' is invalid; supported filters are ${Object.keys(
          fields,
        ).join(', ')}, tag:<key> and tag-key.`,
        400,
      );
    }
  }
  return resources.filter(resource =>
    filters.every(filter => {
      const name = filter.Name!;
      let values: string[];
      if (name.startsWith('tag:')) {
        const key = name.slice(4);
        values = (resource.tagSet ?? [])
          .filter(t => t.key === key)
          .map(t => t.value);
      } else if (name === 'tag-key') {
        values = (resource.tagSet ?? []).map(t => t.key);
      } else {
        values = valuesOf(fields[name](resource));
      }
      return (filter.Value ?? []).some(pattern =>
        values.some(value => matchesPattern(value, pattern)),
      );
    }),
  );
}
