import { createHash, randomUUID } from 'node:crypto';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { RestJsonProtocol } from '../../protocols/RestJsonProtocol';
import { InputReader } from '../InputReader';
import {
  OperationContext,
  OperationHandler,
  ServiceDefinition,
} from '../ServiceDefinition';
import {
  compileSecurityHubFilter,
  readSecurityHubSort,
} from './securityHubQuery';
import {
  SecurityHubColumn,
  securityHubFinding,
  SH_COMPLIANCE,
  SH_CONTROL_IDS,
  SH_PRODUCTS,
  SH_RECORD_STATES,
  SH_SEVERITIES,
  SH_WORKFLOW,
} from './securityHubFindings';

const ERROR = 'InvalidInputException';
const FSBP = 'aws-foundational-security-best-practices/v/1.0.0';

function reader(input: Record<string, unknown>, operation: string) {
  return new InputReader(input, operation, ERROR);
}

/** Security Hub answers 401 InvalidAccessException to an unsubscribed account. */
function requireSubscribed(context: OperationContext) {
  const { accountId } = context.caller;
  const profile = context.state.profile(accountId);
  if (
    !profile?.securityHubSubscribed ||
    !context.state.regions.includes(context.region)
  ) {
    throw new AwsServiceError(
      'InvalidAccessException',
      `Account ${accountId} is not subscribed to AWS Security Hub in ${context.region}; enable Security Hub in the account or read its findings from the delegated administrator.`,
      401,
    );
  }
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
    'The NextToken does not belong to this query; repeat the request without NextToken.',
    400,
  );
}

function queryKey(parts: unknown) {
  return createHash('sha1')
    .update(JSON.stringify(parts))
    .digest('hex')
    .slice(0, 16);
}

function insightsOf(context: OperationContext) {
  return context.state.insights;
}

const GROUP_COLUMNS: Record<
  string,
  { column: SecurityHubColumn; labels: readonly string[] }
> = {
  SeverityLabel: { column: 'severity', labels: SH_SEVERITIES },
  ComplianceSecurityControlId: {
    column: 'securityControl',
    labels: SH_CONTROL_IDS,
  },
  ComplianceStatus: { column: 'complianceStatus', labels: SH_COMPLIANCE },
  ProductName: { column: 'product', labels: SH_PRODUCTS },
  RecordState: { column: 'recordState', labels: SH_RECORD_STATES },
  WorkflowStatus: { column: 'workflow', labels: SH_WORKFLOW },
};

const operations: Record<string, OperationHandler> = {
  DescribeHub(_input, context) {
    requireSubscribed(context);
    const { accountId } = context.caller;
    return {
      HubArn: `arn:aws:securityhub:${context.region}:${accountId}:hub/default`,
      SubscribedAt: '2024-03-01T12:00:00.000Z',
      AutoEnableControls: true,
      ControlFindingGenerator: 'SECURITY_CONTROL',
    };
  },

  GetEnabledStandards(_input, context) {
    requireSubscribed(context);
    const { accountId } = context.caller;
    return {
      StandardsSubscriptions: [
        {
          StandardsSubscriptionArn: `arn:aws:securityhub:${context.region}:${accountId}:subscription/${FSBP}`,
          StandardsArn: `arn:aws:securityhub:${context.region}::standards/${FSBP}`,
          StandardsInput: {},
          StandardsStatus: 'READY',
          StandardsControlsUpdatable: 'READY_FOR_UPDATES',
        },
      ],
    };
  },

  GetFindings(input, context) {
    requireSubscribed(context);
    const r = reader(input, 'GetFindings');
    const pageSize = r.pageSize('MaxResults', 100, 100);
    const filters = r.object('Filters') ?? {};
    const store = context.state.findings.securityHub();
    const filter = compileSecurityHubFilter(store, filters, context);
    const sort = readSecurityHubSort(input.SortCriteria);
    const key = queryKey({
      filters,
      sort,
      account: context.caller.accountId,
      region: context.region,
    });
    const page = store.query.page(
      key,
      filter,
      sort,
      readToken(key, r.optionalString('NextToken')),
      pageSize,
    );
    const { index } = store;
    const { state } = context;
    return {
      Findings: page.items.map(i => {
        const accountId = index.accountIds[index.accountOf[i]];
        return securityHubFinding(
          accountId,
          index.localIndex(i),
          state.profile(accountId)!,
          state.regions,
        );
      }),
      NextToken:
        page.nextOffset === undefined ? undefined : token(key, page.nextOffset),
    };
  },

  CreateInsight(input, context) {
    requireSubscribed(context);
    const r = reader(input, 'CreateInsight');
    const name = r.string('Name');
    const groupBy = r.string('GroupByAttribute');
    if (groupBy !== 'AwsAccountId' && !GROUP_COLUMNS[groupBy]) {
      throw r.error(
        `The sandbox groups insights by AwsAccountId, ${Object.keys(
          GROUP_COLUMNS,
        ).join(', ')}; got ${groupBy}.`,
      );
    }
    const filters = r.object('Filters') ?? {};
    compileSecurityHubFilter(
      context.state.findings.securityHub(),
      filters,
      context,
    );
    const arn = `arn:aws:securityhub:${context.region}:${
      context.caller.accountId
    }:insight/${context.caller.accountId}/custom/${randomUUID()}`;
    insightsOf(context).set(arn, {
      InsightArn: arn,
      Name: name,
      Filters: filters,
      GroupByAttribute: groupBy,
    });
    return { InsightArn: arn };
  },

  GetInsights(input, context) {
    requireSubscribed(context);
    const wanted = reader(input, 'GetInsights').list<string>('InsightArns');
    const mine = [...insightsOf(context).values()].filter(i =>
      i.InsightArn.includes(`:${context.caller.accountId}:`),
    );
    return {
      Insights: wanted.length
        ? mine.filter(i => wanted.includes(i.InsightArn))
        : mine,
    };
  },

  GetInsightResults(input, context) {
    requireSubscribed(context);
    const arn = reader(input, 'GetInsightResults').string('InsightArn');
    const insight = insightsOf(context).get(arn);
    if (!insight || !arn.includes(`:${context.caller.accountId}:`)) {
      throw new AwsServiceError(
        'ResourceNotFoundException',
        `Insight ${arn} not found; create it with CreateInsight.`,
        404,
      );
    }
    const store = context.state.findings.securityHub();
    const filter = compileSecurityHubFilter(store, insight.Filters, context);
    const matches = store.query.all(
      queryKey({ insight: arn, region: context.region }),
      filter,
    );
    const counts = new Map<string, number>();
    const group = GROUP_COLUMNS[insight.GroupByAttribute];
    for (const i of matches) {
      const value = group
        ? group.labels[store.index.columns[group.column][i]]
        : store.index.accountIds[store.index.accountOf[i]];
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return {
      InsightResults: {
        InsightArn: arn,
        GroupByAttribute: insight.GroupByAttribute,
        ResultValues: [...counts.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 100)
          .map(([GroupByAttributeValue, Count]) => ({
            GroupByAttributeValue,
            Count,
          })),
      },
    };
  },
};

/** AWS Security Hub over restJson1. */
export const securityHubService: ServiceDefinition = {
  signingName: 'securityhub',
  protocol: new RestJsonProtocol([
    {
      method: 'GET',
      path: '/accounts',
      operation: 'DescribeHub',
      query: { HubArn: 'HubArn' },
    },
    {
      method: 'POST',
      path: '/standards/get',
      operation: 'GetEnabledStandards',
    },
    { method: 'POST', path: '/findings', operation: 'GetFindings' },
    { method: 'POST', path: '/insights', operation: 'CreateInsight' },
    { method: 'POST', path: '/insights/get', operation: 'GetInsights' },
    {
      method: 'GET',
      path: '/insights/results/{InsightArn+}',
      operation: 'GetInsightResults',
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
