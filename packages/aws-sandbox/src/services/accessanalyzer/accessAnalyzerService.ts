import { AwsServiceError } from '../../protocols/AwsServiceError';
import { RestJsonProtocol } from '../../protocols/RestJsonProtocol';
import { InputReader } from '../InputReader';
import { paginate } from '../pagination';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import { workloadOf } from '../workloadContext';

const ERROR = 'ValidationException';

const operations: Record<string, OperationHandler> = {
  ListAnalyzers(input, context) {
    const r = new InputReader(input, 'ListAnalyzers', ERROR);
    const type = r.optionalString('type');
    const analyzers = workloadOf(
      context,
      'IAM Access Analyzer',
    ).analyzers.filter(a => !type || a.type === type);
    const page = paginate(
      analyzers,
      `ListAnalyzers:${type ?? ''}`,
      r.optionalString('nextToken'),
      r.pageSize('maxResults', 100, 1000),
      ERROR,
    );
    // Access Analyzer sends its timestamps as RFC 3339 strings.
    return {
      analyzers: page.items.map(a => ({
        ...a,
        createdAt: a.createdAt.toISOString(),
      })),
      nextToken: page.nextToken,
    };
  },

  ListFindingsV2(input, context) {
    const r = new InputReader(input, 'ListFindingsV2', ERROR);
    const analyzerArn = r.string('analyzerArn');
    const workload = workloadOf(context, 'IAM Access Analyzer');
    if (!workload.analyzers.some(a => a.arn === analyzerArn)) {
      throw new AwsServiceError(
        'ResourceNotFoundException',
        `Analyzer ${analyzerArn} not found; list analyzers with ListAnalyzers.`,
        404,
      );
    }
    const filter = (r.object('filter') ?? {}) as Record<
      string,
      { eq?: string[]; neq?: string[] }
    >;
    for (const key of Object.keys(filter)) {
      if (key !== 'status' && key !== 'resourceType') {
        throw r.error(
          `The sandbox filters findings by status and resourceType; got ${key}.`,
        );
      }
    }
    const passes = (key: string, value: string) =>
      (!filter[key]?.eq || filter[key].eq!.includes(value)) &&
      !(filter[key]?.neq ?? []).includes(value);
    const findings = workload.analyzerFindings
      .filter(
        f =>
          passes('status', f.status) && passes('resourceType', f.resourceType),
      )
      .map(f => ({
        id: f.id,
        resource: f.resource,
        resourceType: f.resourceType,
        resourceOwnerAccount: context.caller.accountId,
        status: f.status,
        createdAt: f.createdAt.toISOString(),
        updatedAt: f.updatedAt.toISOString(),
        analyzedAt: f.updatedAt.toISOString(),
        findingType: 'ExternalAccess',
      }));
    const page = paginate(
      findings,
      `ListFindingsV2:${analyzerArn}:${JSON.stringify(filter)}`,
      r.optionalString('nextToken'),
      r.pageSize('maxResults', 100, 100),
      ERROR,
    );
    return { findings: page.items, nextToken: page.nextToken };
  },
};

/** IAM Access Analyzer over restJson1. */
export const accessAnalyzerService: ServiceDefinition = {
  signingName: 'access-analyzer',
  protocol: new RestJsonProtocol([
    {
      method: 'GET',
      path: '/analyzer',
      operation: 'ListAnalyzers',
      query: { type: 'type', maxResults: 'maxResults', nextToken: 'nextToken' },
    },
    { method: 'POST', path: '/findingv2', operation: 'ListFindingsV2' },
  ]),
  throttle: {
    code: 'ThrottlingException',
    statusCode: 429,
    message: 'Rate exceeded',
  },
  validationErrorCode: ERROR,
  operations,
};
