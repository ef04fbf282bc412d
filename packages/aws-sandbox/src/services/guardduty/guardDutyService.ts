import { createHash } from 'node:crypto';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { RestJsonProtocol } from '../../protocols/RestJsonProtocol';
import {
  FindingFilter,
  FindingSort,
  stringConditionsPass,
} from '../../seed/findings/FindingQuery';
import { GuardDutyColumn } from './guardDutyFindings';
import { InputReader } from '../InputReader';
import {
  OperationContext,
  OperationHandler,
  ServiceDefinition,
} from '../ServiceDefinition';
import {
  detectorId,
  GUARDDUTY_TYPES,
  guardDutyFinding,
  guardDutyFindingId,
  parseGuardDutyFindingId,
} from './guardDutyFindings';

const ERROR = 'BadRequestException';
const DETECTOR_CREATED = new Date('2024-03-01T12:00:00.000Z');

function reader(input: Record<string, unknown>, operation: string) {
  return new InputReader(input, operation, ERROR);
}

function requireDetector(
  input: Record<string, unknown>,
  context: OperationContext,
) {
  const id = String(input.DetectorId ?? '');
  const profile = context.state.profile(context.caller.accountId);
  if (
    !profile ||
    !context.state.regions.includes(context.region) ||
    id !== detectorId(context.caller.accountId, context.region)
  ) {
    throw new AwsServiceError(
      ERROR,
      `The request is rejected because the input detectorId ${id} is not owned by the current account ${context.caller.accountId} in ${context.region}; list detectors with ListDetectors.`,
      400,
      { Type: 'InvalidInputException' },
    );
  }
}

type Condition = Record<string, unknown>;

function numbers(condition: Condition, ...names: string[]) {
  return names.flatMap(name =>
    condition[name] === undefined ? [] : [Number(condition[name])],
  );
}

function strings(condition: Condition, ...names: string[]) {
  return names.flatMap(name =>
    Array.isArray(condition[name])
      ? (condition[name] as unknown[]).map(String)
      : [],
  );
}

/** Reads `findingCriteria.criterion` for the caller and Region. */
function compileFilter(
  input: Record<string, unknown>,
  context: OperationContext,
): FindingFilter<GuardDutyColumn> {
  const store = context.state.findings.guardDuty();
  const { index } = store;
  const criterion = ((
    input.findingCriteria as Record<string, unknown> | undefined
  )?.criterion ?? {}) as Record<string, Condition>;
  const filter: FindingFilter<GuardDutyColumn> = { columns: [], updatedAt: [] };
  const admin =
    context.caller.accountId === context.state.delegatedAdminAccountId;
  filter.accounts = admin
    ? undefined
    : [index.accountIndex(context.caller.accountId)].filter(i => i >= 0);

  for (const [field, condition] of Object.entries(criterion)) {
    switch (field) {
      case 'accountId': {
        const eq = strings(condition, 'eq', 'equals');
        const neq = strings(condition, 'neq', 'notEquals');
        const conditions = [
          ...eq.map(value => ({ comparison: 'EQUALS', value })),
          ...neq.map(value => ({ comparison: 'NOT_EQUALS', value })),
        ];
        filter.accountMask = Uint8Array.from(index.accountIds, id =>
          stringConditionsPass(id, conditions) ? 1 : 0,
        );
        break;
      }
      case 'severity': {
        const [gt] = numbers(condition, 'gt', 'greaterThan');
        const [gte] = numbers(condition, 'gte', 'greaterThanOrEqual');
        const [lt] = numbers(condition, 'lt', 'lessThan');
        const [lte] = numbers(condition, 'lte', 'lessThanOrEqual');
        const eq = strings(condition, 'eq', 'equals').map(Number);
        filter.columns.push({
          column: 'severityTenths',
          allowed: Uint8Array.from({ length: 256 }, (_, tenths) => {
            const value = tenths / 10;
            return (gt === undefined || value > gt) &&
              (gte === undefined || value >= gte) &&
              (lt === undefined || value < lt) &&
              (lte === undefined || value <= lte) &&
              (eq.length === 0 || eq.includes(value))
              ? 1
              : 0;
          }),
        });
        break;
      }
      case 'service.archived': {
        const eq = strings(condition, 'eq', 'equals');
        const neq = strings(condition, 'neq', 'notEquals');
        filter.columns.push({
          column: 'archived',
          allowed: Uint8Array.from({ length: 256 }, (_, code) => {
            const value = code === 1 ? 'true' : 'false';
            return (eq.length === 0 || eq.includes(value)) &&
              !neq.includes(value)
              ? 1
              : 0;
          }),
        });
        break;
      }
      case 'type': {
        const eq = strings(condition, 'eq', 'equals');
        const neq = strings(condition, 'neq', 'notEquals');
        filter.columns.push({
          column: 'type',
          allowed: Uint8Array.from({ length: 256 }, (_, code) => {
            const value = GUARDDUTY_TYPES[code]?.type;
            return value !== undefined &&
              (eq.length === 0 || eq.includes(value)) &&
              !neq.includes(value)
              ? 1
              : 0;
          }),
        });
        break;
      }
      case 'updatedAt': {
        const [start] = numbers(
          condition,
          'gte',
          'greaterThanOrEqual',
          'gt',
          'greaterThan',
        );
        const [end] = numbers(
          condition,
          'lte',
          'lessThanOrEqual',
          'lt',
          'lessThan',
        );
        filter.updatedAt.push({
          start: start === undefined ? undefined : start / 1000,
          end: end === undefined ? undefined : end / 1000,
        });
        break;
      }
      default:
        throw new AwsServiceError(
          ERROR,
          `The sandbox does not evaluate the criterion ${field}; use accountId, severity, service.archived, type or updatedAt.`,
          400,
        );
    }
  }
  const regionCode = context.state.regions.indexOf(context.region);
  filter.columns.push({
    column: 'region',
    allowed: Uint8Array.from({ length: 256 }, (_, code) =>
      code === regionCode ? 1 : 0,
    ),
  });
  return filter;
}

function readSort(
  input: Record<string, unknown>,
): FindingSort<GuardDutyColumn> {
  const criteria = input.sortCriteria as
    | { attributeName?: string; orderBy?: string }
    | undefined;
  const descending = (criteria?.orderBy ?? 'DESC') === 'DESC';
  if (!criteria?.attributeName || criteria.attributeName === 'updatedAt') {
    return { key: 'updatedAt', descending };
  }
  if (criteria.attributeName === 'severity') {
    return { key: 'severityTenths', descending };
  }
  if (criteria.attributeName === 'accountId') {
    return { key: 'account', descending };
  }
  throw new AwsServiceError(
    ERROR,
    `The sandbox sorts by updatedAt, severity or accountId; got ${criteria.attributeName}.`,
    400,
  );
}

function queryKey(parts: unknown) {
  return createHash('sha1')
    .update(JSON.stringify(parts))
    .digest('hex')
    .slice(0, 16);
}

function readToken(key: string, value: string | undefined): number {
  if (!value) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
    if (parsed.k === key && Number.isInteger(parsed.o)) return parsed.o;
  } catch {
    // Falls through to the error below.
  }
  throw new AwsServiceError(
    ERROR,
    'The nextToken does not belong to this query; repeat the request without nextToken.',
    400,
  );
}

const operations: Record<string, OperationHandler> = {
  ListDetectors(_input, context) {
    const { state, caller, region } = context;
    const account = state.organization.accounts.get(caller.accountId);
    const enabled =
      account?.status === 'ACTIVE' && state.regions.includes(region);
    return {
      detectorIds: enabled ? [detectorId(caller.accountId, region)] : [],
    };
  },

  GetDetector(input, context) {
    requireDetector(input, context);
    return {
      createdAt: '2024-03-01T12:00:00.000Z',
      updatedAt: '2024-03-01T12:00:00.000Z',
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
      serviceRole: `arn:aws:iam::${context.caller.accountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
      status: 'ENABLED',
      features: [
        { name: 'CLOUD_TRAIL', status: 'ENABLED', updatedAt: DETECTOR_CREATED },
        { name: 'DNS_LOGS', status: 'ENABLED', updatedAt: DETECTOR_CREATED },
        { name: 'FLOW_LOGS', status: 'ENABLED', updatedAt: DETECTOR_CREATED },
        {
          name: 'S3_DATA_EVENTS',
          status: 'ENABLED',
          updatedAt: DETECTOR_CREATED,
        },
      ],
      tags: {},
    };
  },

  ListFindings(input, context) {
    requireDetector(input, context);
    const r = reader(input, 'ListFindings');
    const pageSize = r.pageSize('maxResults', 50, 50);
    const store = context.state.findings.guardDuty();
    const filter = compileFilter(input, context);
    const sort = readSort(input);
    const key = queryKey({
      c: input.findingCriteria ?? null,
      s: input.sortCriteria ?? null,
      a: context.caller.accountId,
      r: context.region,
    });
    const page = store.query.page(
      key,
      filter,
      sort,
      readToken(key, r.optionalString('nextToken')),
      pageSize,
    );
    const { index } = store;
    return {
      findingIds: page.items.map(i =>
        guardDutyFindingId(
          index.accountIds[index.accountOf[i]],
          index.localIndex(i),
        ),
      ),
      nextToken:
        page.nextOffset === undefined
          ? undefined
          : Buffer.from(
              JSON.stringify({ k: key, o: page.nextOffset }),
            ).toString('base64'),
    };
  },

  GetFindings(input, context) {
    requireDetector(input, context);
    const r = reader(input, 'GetFindings');
    const ids = r.list<string>('findingIds');
    if (ids.length > 50) {
      throw r.error(`findingIds holds ${ids.length} ids; pass at most 50.`);
    }
    const admin =
      context.caller.accountId === context.state.delegatedAdminAccountId;
    const findings = ids
      .map(parseGuardDutyFindingId)
      .filter(
        (ref): ref is { accountId: string; local: number } =>
          ref !== undefined &&
          (admin || ref.accountId === context.caller.accountId) &&
          ref.local < (context.state.profile(ref.accountId)?.findings ?? 0),
      )
      .map(ref =>
        guardDutyFinding(ref.accountId, ref.local, context.state.regions),
      )
      .filter(finding => finding.region === context.region);
    return { findings };
  },

  GetFindingsStatistics(input, context) {
    requireDetector(input, context);
    const types = Array.isArray(input.findingStatisticTypes)
      ? (input.findingStatisticTypes as string[])
      : [];
    const groupBy = input.groupBy as string | undefined;
    if (!types.length && !groupBy) {
      throw new AwsServiceError(
        ERROR,
        'Pass findingStatisticTypes [COUNT_BY_SEVERITY] or groupBy (SEVERITY, ACCOUNT, FINDING_TYPE).',
        400,
      );
    }
    const store = context.state.findings.guardDuty();
    const filter = compileFilter(input, context);
    const matches = store.query.all(
      queryKey({
        stats: input.findingCriteria ?? null,
        a: context.caller.accountId,
        r: context.region,
      }),
      filter,
    );
    const { index } = store;
    const bySeverity = new Map<number, { count: number; last: number }>();
    const byAccount = new Map<string, { count: number; last: number }>();
    const byType = new Map<string, { count: number; last: number }>();
    const add = <K>(
      map: Map<K, { count: number; last: number }>,
      key: K,
      at: number,
    ) => {
      const entry = map.get(key) ?? { count: 0, last: 0 };
      entry.count += 1;
      entry.last = Math.max(entry.last, at);
      map.set(key, entry);
    };
    for (const i of matches) {
      const at = index.updatedAt[i];
      add(bySeverity, index.columns.severityTenths[i], at);
      add(byAccount, index.accountIds[index.accountOf[i]], at);
      add(byType, GUARDDUTY_TYPES[index.columns.type[i]].type, at);
    }
    const iso = (seconds: number) => new Date(seconds * 1000);
    const findingStatistics: Record<string, unknown> = {};
    if (types.includes('COUNT_BY_SEVERITY')) {
      findingStatistics.countBySeverity = Object.fromEntries(
        [...bySeverity.entries()].map(([tenths, { count }]) => [
          (tenths / 10).toFixed(1),
          count,
        ]),
      );
    }
    const descending = (input.orderBy ?? 'DESC') === 'DESC';
    const ordered = <K>(map: Map<K, { count: number; last: number }>) =>
      [...map.entries()].sort((a, b) =>
        descending ? b[1].count - a[1].count : a[1].count - b[1].count,
      );
    if (groupBy === 'SEVERITY') {
      findingStatistics.groupedBySeverity = ordered(bySeverity).map(
        ([tenths, { count, last }]) => ({
          severity: tenths / 10,
          totalFindings: count,
          lastGeneratedAt: iso(last),
        }),
      );
    } else if (groupBy === 'ACCOUNT') {
      findingStatistics.groupedByAccount = ordered(byAccount).map(
        ([accountId, { count, last }]) => ({
          accountId,
          totalFindings: count,
          lastGeneratedAt: iso(last),
        }),
      );
    } else if (groupBy === 'FINDING_TYPE') {
      findingStatistics.groupedByFindingType = ordered(byType).map(
        ([findingType, { count, last }]) => ({
          findingType,
          totalFindings: count,
          lastGeneratedAt: iso(last),
        }),
      );
    } else if (groupBy) {
      throw new AwsServiceError(
        ERROR,
        `The sandbox groups statistics by SEVERITY, ACCOUNT or FINDING_TYPE; got ${groupBy}.`,
        400,
      );
    }
    return { findingStatistics };
  },
};

/** Amazon GuardDuty over restJson1 (camelCase members on the wire). */
export const guardDutyService: ServiceDefinition = {
  signingName: 'guardduty',
  protocol: new RestJsonProtocol([
    {
      method: 'GET',
      path: '/detector',
      operation: 'ListDetectors',
      query: { maxResults: 'maxResults', nextToken: 'nextToken' },
    },
    { method: 'GET', path: '/detector/{DetectorId}', operation: 'GetDetector' },
    {
      method: 'POST',
      path: '/detector/{DetectorId}/findings',
      operation: 'ListFindings',
    },
    {
      method: 'POST',
      path: '/detector/{DetectorId}/findings/get',
      operation: 'GetFindings',
    },
    {
      method: 'POST',
      path: '/detector/{DetectorId}/findings/statistics',
      operation: 'GetFindingsStatistics',
    },
  ]),
  throttle: {
    code: 'TooManyRequestsException',
    statusCode: 429,
    message: 'Rate exceeded',
  },
  validationErrorCode: ERROR,
  operations,
};
