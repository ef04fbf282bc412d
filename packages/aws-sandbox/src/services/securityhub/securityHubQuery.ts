import { AwsServiceError } from '../../protocols/AwsServiceError';
import {
  allowedCodes,
  FindingFilter,
  FindingSort,
  stringConditionsPass,
} from '../../seed/findings/FindingQuery';
import { FindingStore } from '../../state/FindingStores';
import { OperationContext } from '../ServiceDefinition';
import {
  SecurityHubColumn,
  SH_COMPLIANCE,
  SH_CONTROL_IDS,
  SH_PRODUCTS,
  SH_RECORD_STATES,
  SH_SEVERITIES,
  SH_WORKFLOW,
} from './securityHubFindings';

const ERROR = 'InvalidInputException';
const STRING_COMPARISONS = [
  'EQUALS',
  'PREFIX',
  'NOT_EQUALS',
  'PREFIX_NOT_EQUALS',
  'CONTAINS',
  'NOT_CONTAINS',
];

/** The string filters the sandbox evaluates, by ASFF filter name. */
const STRING_FILTER_COLUMNS: Record<
  string,
  { column: SecurityHubColumn; labels: readonly string[] }
> = {
  RecordState: { column: 'recordState', labels: SH_RECORD_STATES },
  WorkflowStatus: { column: 'workflow', labels: SH_WORKFLOW },
  SeverityLabel: { column: 'severity', labels: SH_SEVERITIES },
  ComplianceSecurityControlId: {
    column: 'securityControl',
    labels: SH_CONTROL_IDS,
  },
  ComplianceStatus: { column: 'complianceStatus', labels: SH_COMPLIANCE },
  ProductName: { column: 'product', labels: SH_PRODUCTS },
};
const SUPPORTED = [
  'AwsAccountId',
  'Region',
  'UpdatedAt',
  ...Object.keys(STRING_FILTER_COLUMNS),
];

function stringConditions(name: string, value: unknown) {
  if (!Array.isArray(value)) {
    throw new AwsServiceError(
      ERROR,
      `Filters.${name} must be a list of { Value, Comparison }.`,
      400,
    );
  }
  return value.map(item => {
    const { Value, Comparison } = (item ?? {}) as {
      Value?: string;
      Comparison?: string;
    };
    if (
      typeof Value !== 'string' ||
      !STRING_COMPARISONS.includes(Comparison ?? '')
    ) {
      throw new AwsServiceError(
        ERROR,
        `Filters.${name}: each filter needs a string Value and a Comparison of ${STRING_COMPARISONS.join(
          ', ',
        )}.`,
        400,
      );
    }
    return { comparison: Comparison!, value: Value };
  });
}

function dateRanges(value: unknown, now: number) {
  if (!Array.isArray(value)) {
    throw new AwsServiceError(
      ERROR,
      'Filters.UpdatedAt must be a list of { Start, End } or { DateRange }.',
      400,
    );
  }
  return value.map(item => {
    const { Start, End, DateRange } = (item ?? {}) as {
      Start?: string;
      End?: string;
      DateRange?: { Value?: number; Unit?: string };
    };
    if (DateRange) {
      if (DateRange.Unit !== 'DAYS' || !(Number(DateRange.Value) > 0)) {
        throw new AwsServiceError(
          ERROR,
          'Filters.UpdatedAt.DateRange needs a positive Value and Unit DAYS.',
          400,
        );
      }
      return { start: now / 1000 - Number(DateRange.Value) * 86400 };
    }
    const start = Start === undefined ? undefined : Date.parse(Start) / 1000;
    const end = End === undefined ? undefined : Date.parse(End) / 1000;
    if (
      (start !== undefined && Number.isNaN(start)) ||
      (end !== undefined && Number.isNaN(end))
    ) {
      throw new AwsServiceError(
        ERROR,
        'Filters.UpdatedAt: Start and End must be ISO 8601 date-times.',
        400,
      );
    }
    return { start, end };
  });
}

/**
 * Reads GetFindings `Filters` into a compiled filter, limited to what the
 * caller may see: a delegated administrator sees every member account, any
 * other account only itself; the home Region aggregates every Region.
 */
export function compileSecurityHubFilter(
  store: FindingStore<SecurityHubColumn>,
  filters: Record<string, unknown>,
  context: OperationContext,
): FindingFilter<SecurityHubColumn> {
  for (const name of Object.keys(filters)) {
    if (!SUPPORTED.includes(name)) {
      throw new AwsServiceError(
        ERROR,
        `The sandbox does not evaluate the filter ${name}; supported filters are ${SUPPORTED.join(
          ', ',
        )}.`,
        400,
      );
    }
  }
  const { state, caller, region } = context;
  const { index } = store;
  const filter: FindingFilter<SecurityHubColumn> = {
    columns: [],
    updatedAt: [],
  };

  const accountConditions = filters.AwsAccountId
    ? stringConditions('AwsAccountId', filters.AwsAccountId)
    : [];
  const admin = caller.accountId === state.delegatedAdminAccountId;
  const visible = admin
    ? undefined
    : [index.accountIndex(caller.accountId)].filter(i => i >= 0);
  if (
    accountConditions.length &&
    accountConditions.every(c => c.comparison === 'EQUALS')
  ) {
    const wanted = accountConditions
      .map(c => index.accountIndex(c.value))
      .filter(i => i >= 0);
    filter.accounts = visible
      ? wanted.filter(i => visible.includes(i))
      : wanted;
  } else {
    filter.accounts = visible;
    if (accountConditions.length) {
      filter.accountMask = Uint8Array.from(index.accountIds, id =>
        stringConditionsPass(id, accountConditions) ? 1 : 0,
      );
    }
  }

  const regionConditions = filters.Region
    ? stringConditions('Region', filters.Region)
    : [];
  const aggregated = region === state.homeRegion;
  if (regionConditions.length || !aggregated) {
    filter.columns.push({
      column: 'region',
      allowed: Uint8Array.from({ length: 256 }, (_, code) => {
        const label = state.regions[code];
        return label !== undefined &&
          (aggregated || label === region) &&
          stringConditionsPass(label, regionConditions)
          ? 1
          : 0;
      }),
    });
  }

  for (const [name, { column, labels }] of Object.entries(
    STRING_FILTER_COLUMNS,
  )) {
    if (filters[name]) {
      filter.columns.push({
        column,
        allowed: allowedCodes(labels, stringConditions(name, filters[name])),
      });
    }
  }
  if (filters.UpdatedAt) {
    filter.updatedAt = dateRanges(filters.UpdatedAt, Date.now());
  }
  return filter;
}

const SORT_FIELDS: Record<string, FindingSort<SecurityHubColumn>['key']> = {
  UpdatedAt: 'updatedAt',
  LastObservedAt: 'updatedAt',
  SeverityLabel: 'severity',
  SeverityNormalized: 'severity',
  AwsAccountId: 'account',
};

export function readSecurityHubSort(
  criteria: unknown,
): FindingSort<SecurityHubColumn> {
  const list = Array.isArray(criteria) ? criteria : [];
  const first = (list[0] ?? {}) as { Field?: string; SortOrder?: string };
  if (!first.Field) {
    return { key: 'updatedAt', descending: true };
  }
  const key = SORT_FIELDS[first.Field];
  if (!key) {
    throw new AwsServiceError(
      ERROR,
      `The sandbox cannot sort by ${first.Field}; sort by ${Object.keys(
        SORT_FIELDS,
      ).join(', ')}.`,
      400,
    );
  }
  return {
    key,
    descending: (first.SortOrder ?? 'asc').toLowerCase() === 'desc',
  };
}
