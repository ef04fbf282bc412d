import { createHash } from 'node:crypto';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { RestJsonProtocol } from '../../protocols/RestJsonProtocol';
import { InputReader } from '../InputReader';
import { paginate } from '../pagination';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import {
  INSPECTOR_FINDING_TYPES,
  INSPECTOR_RESOURCE_TYPES,
  INSPECTOR_SEVERITIES,
  inspectorFinding,
} from './inspectorFindings';
import { compileInspectorFilter, readInspectorSort } from './inspectorQuery';
import { listCoverage } from './inspectorCoverage';
import { VULNERABILITY_CATALOG } from '../../seed/findings/vulnerabilityCatalog';

const ERROR = 'ValidationException';

function reader(input: Record<string, unknown>, operation: string) {
  return new InputReader(input, operation, ERROR);
}

function queryKey(parts: unknown) {
  return createHash('sha1')
    .update(JSON.stringify(parts))
    .digest('hex')
    .slice(0, 16);
}

function token(key: string, offset: number) {
  return Buffer.from(JSON.stringify({ k: key, o: offset })).toString('base64');
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

interface SeverityCounts {
  all: number;
  critical: number;
  high: number;
  medium: number;
}

function emptyCounts(): SeverityCounts {
  return { all: 0, critical: 0, high: 0, medium: 0 };
}

/** Account aggregations count ACTIVE findings: all, critical, high, medium. */
function count(counts: SeverityCounts, severityCode: number) {
  counts.all += 1;
  const label = INSPECTOR_SEVERITIES[severityCode];
  if (label === 'CRITICAL') counts.critical += 1;
  else if (label === 'HIGH') counts.high += 1;
  else if (label === 'MEDIUM') counts.medium += 1;
}

/** The aggregationRequest and response member of each supported type. */
const AGGREGATION_MEMBERS: Record<string, string> = {
  ACCOUNT: 'accountAggregation',
  FINDING_TYPE: 'findingTypeAggregation',
  TITLE: 'titleAggregation',
  PACKAGE: 'packageAggregation',
};

const operations: Record<string, OperationHandler> = {
  BatchGetAccountStatus(input, context) {
    const r = reader(input, 'BatchGetAccountStatus');
    const wanted = r.list<string>('accountIds');
    const ids = wanted.length ? wanted : [context.caller.accountId];
    const admin =
      context.caller.accountId === context.state.delegatedAdminAccountId;
    const accounts = [];
    const failedAccounts = [];
    for (const accountId of ids) {
      const account = context.state.organization.accounts.get(accountId);
      if (!account || (!admin && accountId !== context.caller.accountId)) {
        failedAccounts.push({
          accountId,
          errorCode: 'ACCESS_DENIED',
          errorMessage: `Account ${accountId} is not a member of the caller's Inspector organization.`,
        });
        continue;
      }
      const status = account.status === 'ACTIVE' ? 'ENABLED' : 'SUSPENDED';
      const resource = { status };
      accounts.push({
        accountId,
        state: { status },
        resourceState: {
          ec2: resource,
          ecr: resource,
          lambda: resource,
          lambdaCode: { status: 'DISABLED' },
        },
      });
    }
    return { accounts, failedAccounts };
  },

  ListFindings(input, context) {
    const r = reader(input, 'ListFindings');
    const pageSize = r.pageSize('maxResults', 50, 100);
    const criteria = r.object('filterCriteria') ?? {};
    const store = context.state.findings.inspector();
    const filter = compileInspectorFilter(store, criteria, context);
    const sort = readInspectorSort(r.object('sortCriteria'));
    const key = queryKey({
      criteria,
      sort,
      account: context.caller.accountId,
      region: context.region,
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
      findings: page.items.map(i =>
        inspectorFinding(
          index.accountIds[index.accountOf[i]],
          index.localIndex(i),
          context.state.regions,
        ),
      ),
      nextToken:
        page.nextOffset === undefined ? undefined : token(key, page.nextOffset),
    };
  },

  ListFindingAggregations(input, context) {
    const r = reader(input, 'ListFindingAggregations');
    const type = r.string('aggregationType');
    const request = r.object('aggregationRequest') ?? {};
    const member = AGGREGATION_MEMBERS[type];
    if (!member) {
      throw r.error(
        `The sandbox aggregates by ${Object.keys(AGGREGATION_MEMBERS).join(
          ', ',
        )}; got ${type}.`,
      );
    }
    const options = (request[member] ?? {}) as Record<string, unknown>;
    const store = context.state.findings.inspector();
    const criteria: Record<string, unknown> = {
      findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
    };
    if (options.findingType)
      criteria.findingType = [
        { comparison: 'EQUALS', value: options.findingType },
      ];
    if (options.resourceType) {
      criteria.resourceType = [
        { comparison: 'EQUALS', value: String(options.resourceType) },
      ];
    }
    const filter = compileInspectorFilter(
      store,
      criteria,
      context,
      input.accountIds,
    );
    const key = queryKey({
      aggregation: type,
      options,
      accounts: input.accountIds ?? null,
      caller: context.caller.accountId,
      region: context.region,
    });
    const matches = store.query.all(key, filter);
    const { index } = store;
    const groups = new Map<
      string,
      { counts: SeverityCounts; extra: Record<string, unknown> }
    >();
    const groupOf = (
      i: number,
    ): [string, Record<string, unknown>] | undefined => {
      switch (type) {
        case 'ACCOUNT': {
          const accountId = index.accountIds[index.accountOf[i]];
          return [accountId, { accountId }];
        }
        case 'FINDING_TYPE': {
          const findingType =
            INSPECTOR_FINDING_TYPES[index.columns.findingType[i]];
          const resourceType =
            INSPECTOR_RESOURCE_TYPES[index.columns.resourceType[i]];
          return [
            `${findingType}/${resourceType}`,
            { findingType, resourceType },
          ];
        }
        case 'TITLE':
        case 'PACKAGE': {
          const v = VULNERABILITY_CATALOG[index.columns.vulnerability[i]];
          if (!v) return undefined;
          return type === 'TITLE'
            ? [
                v.id,
                { title: `${v.id} - ${v.packageName}`, vulnerabilityId: v.id },
              ]
            : [v.packageName, { packageName: v.packageName }];
        }
        default:
          return undefined;
      }
    };
    for (const i of matches) {
      const group = groupOf(i);
      if (!group) continue;
      let entry = groups.get(group[0]);
      if (!entry) {
        entry = { counts: emptyCounts(), extra: group[1] };
        groups.set(group[0], entry);
      }
      count(entry.counts, index.columns.severity[i]);
    }
    const sortBy = String(
      options.sortBy ?? 'CRITICAL',
    ).toLowerCase() as keyof SeverityCounts;
    const direction = String(options.sortOrder ?? 'DESC') === 'ASC' ? 1 : -1;
    const sorted = [...groups.values()].sort(
      (a, b) => direction * ((a.counts[sortBy] ?? 0) - (b.counts[sortBy] ?? 0)),
    );
    const page = paginate(
      sorted,
      `ListFindingAggregations:${key}`,
      r.optionalString('nextToken'),
      r.pageSize('maxResults', 100, 100),
      ERROR,
    );
    return {
      aggregationType: type,
      responses: page.items.map(group => ({
        [member]: { ...group.extra, severityCounts: group.counts },
      })),
      nextToken: page.nextToken,
    };
  },

  ListCoverage: listCoverage,
};

/** Amazon Inspector (v2) over restJson1. */
export const inspectorService: ServiceDefinition = {
  signingName: 'inspector2',
  protocol: new RestJsonProtocol([
    { method: 'POST', path: '/findings/list', operation: 'ListFindings' },
    {
      method: 'POST',
      path: '/findings/aggregation/list',
      operation: 'ListFindingAggregations',
    },
    {
      method: 'POST',
      path: '/status/batch/get',
      operation: 'BatchGetAccountStatus',
    },
    { method: 'POST', path: '/coverage/list', operation: 'ListCoverage' },
  ]),
  throttle: {
    code: 'ThrottlingException',
    statusCode: 429,
    message: 'Rate exceeded',
  },
  validationErrorCode: ERROR,
  operations,
};
