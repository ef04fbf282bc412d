import { InputError } from '@backstage/errors';
import {
  FINDING_SOURCES,
  MAX_FINDINGS_PAGE_SIZE,
  SEVERITIES,
  Severity,
} from '@sra-backstage/plugin-aws-accounts-common';
import { z } from 'zod';

/** Default size of a findings page. */
export const DEFAULT_FINDINGS_PAGE_SIZE = 100;

// PostgreSQL refuses NUL in text, so a NUL would become a server error
// rather than a bad parameter: every text parameter turns it away here.
const oneValue = (name: string) =>
  z
    .string({ error: `${name} must be given once, as a single value` })
    .refine(value => !value.includes('\u0000'), {
      error: `${name} must not contain a NUL character`,
    });

const optionalEnum = <T extends string>(name: string, values: readonly T[]) =>
  oneValue(name)
    .pipe(
      z.enum(values as unknown as [T, ...T[]], {
        error: issue =>
          `'${String(issue.input)}' is not one of ${values.join(', ')}`,
      }),
    )
    .optional();

/** `:accountId`: twelve digits. */
export const accountIdSchema = z
  .string()
  .regex(/^\d{12}$/, { error: 'an AWS account id is exactly 12 digits' });

/** `:findingId`: the id the findings page gave. */
export const findingIdSchema = z.string().regex(/^[0-9a-f]{32}$/, {
  error: 'a finding id is the 32-character id of a findings page item',
});

const commaList = (name: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform(value =>
      (Array.isArray(value) ? value : [value])
        .flatMap(item => item.split(','))
        .map(item => item.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(SEVERITIES as unknown as [Severity, ...Severity[]], {
          error: issue =>
            `'${String(issue.input)}' is not one of ${SEVERITIES.join(
              ', ',
            )} (${name} takes a comma-separated list)`,
        }),
      ),
    );

/** Query of `GET /accounts/:accountId/findings`. */
export const findingsQuerySchema = z.strictObject({
  source: optionalEnum('source', FINDING_SOURCES),
  severity: commaList('severity').optional(),
  status: optionalEnum('status', ['ACTIVE', 'SUPPRESSED', 'CLOSED'] as const),
  resourceType: oneValue('resourceType')
    .pipe(z.string().min(1).max(128))
    .optional(),
  fixAvailable: optionalEnum('fixAvailable', ['YES', 'NO', 'PARTIAL'] as const),
  exploitAvailable: optionalEnum('exploitAvailable', [
    'true',
    'false',
  ] as const).transform(value =>
    value === undefined ? undefined : value === 'true',
  ),
  search: oneValue('search').pipe(z.string().min(1).max(200)).optional(),
  sort: optionalEnum('sort', [
    'severity',
    'inspectorScore',
    'title',
    'firstObservedAt',
    'lastObservedAt',
    'updatedAt',
  ] as const),
  order: optionalEnum('order', ['asc', 'desc'] as const),
  cursor: oneValue('cursor').pipe(z.string().min(1).max(2000)).optional(),
  limit: oneValue('limit')
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int({ error: 'must be a whole number' })
        .min(1, { error: `must be between 1 and ${MAX_FINDINGS_PAGE_SIZE}` })
        .max(MAX_FINDINGS_PAGE_SIZE, {
          error: `must be between 1 and ${MAX_FINDINGS_PAGE_SIZE}`,
        }),
    )
    .optional(),
});

/** Query of `GET /accounts`. */
export const accountsQuerySchema = z.strictObject({
  ou: oneValue('ou').pipe(z.string().min(1).max(512)).optional(),
  owner: oneValue('owner').pipe(z.string().min(1).max(256)).optional(),
  environment: oneValue('environment')
    .pipe(z.string().min(1).max(64))
    .optional(),
  sort: optionalEnum('sort', [
    'name',
    'accountId',
    'score',
    'findings',
    'failingChecks',
  ] as const),
  order: optionalEnum('order', ['asc', 'desc'] as const),
});

/** Query of `GET /accounts/:accountId/history`. */
export const historyQuerySchema = z.strictObject({
  from: oneValue('from')
    .pipe(
      z.iso.datetime({
        offset: true,
        error: 'must be an ISO 8601 date-time such as 2026-01-31T00:00:00Z',
      }),
    )
    .optional(),
  to: oneValue('to')
    .pipe(
      z.iso.datetime({
        offset: true,
        error: 'must be an ISO 8601 date-time such as 2026-01-31T00:00:00Z',
      }),
    )
    .optional(),
});

/** Query of `GET /organizational-units`. */
export const organizationalUnitsQuerySchema = z.strictObject({
  parent: oneValue('parent').pipe(z.string().min(1).max(1024)).optional(),
});

/**
 * Validates request input; a failure is a 400 whose message names the
 * parameter and says what is accepted.
 */
export function parseRequest<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'query' | 'path',
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const messages = result.error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys') {
      return `unknown ${where} parameter ${issue.keys.join(
        ', ',
      )}; leave it out`;
    }
    const name = issue.path.length ? String(issue.path[0]) : where;
    return `invalid ${name} parameter: ${issue.message}`;
  });
  throw new InputError(messages.join('; '));
}
