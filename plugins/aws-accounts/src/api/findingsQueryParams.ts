import { FindingsQuery } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * Turns a findings query into the query string the posture service reads:
 * severities as one comma-separated list, booleans as `true`/`false`, and
 * unset fields left out.
 *
 * @internal
 */
export function findingsQueryParams(query: FindingsQuery): URLSearchParams {
  const params = new URLSearchParams();

  const set = (name: string, value: string | number | boolean | undefined) => {
    if (value !== undefined && value !== '') {
      params.set(name, String(value));
    }
  };

  set('source', query.source);
  if (query.severity && query.severity.length > 0) {
    params.set('severity', query.severity.join(','));
  }
  set('status', query.status);
  set('resourceType', query.resourceType);
  set('fixAvailable', query.fixAvailable);
  set('exploitAvailable', query.exploitAvailable);
  set('search', query.search?.trim());
  set('sort', query.sort);
  set('order', query.order);
  set('cursor', query.cursor);
  set('limit', query.limit);

  return params;
}
