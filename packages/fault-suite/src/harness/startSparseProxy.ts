import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * The fields each finding keeps: those the AWS API references mark as
 * required. Everything else is optional and is removed.
 */
const REQUIRED_FINDING_FIELDS: Record<
  string,
  { list: string; keep: string[] }
> = {
  securityhub: {
    list: 'Findings',
    keep: [
      'SchemaVersion',
      'Id',
      'ProductArn',
      'GeneratorId',
      'AwsAccountId',
      'Types',
      'CreatedAt',
      'UpdatedAt',
      'Severity',
      'Title',
      'Description',
      'Resources',
    ],
  },
  inspector2: {
    list: 'findings',
    keep: [
      'awsAccountId',
      'description',
      'findingArn',
      'firstObservedAt',
      'lastObservedAt',
      'remediation',
      'resources',
      'severity',
      'status',
      'type',
    ],
  },
  guardduty: {
    list: 'findings',
    keep: [
      'accountId',
      'arn',
      'createdAt',
      'id',
      'region',
      'resource',
      'schemaVersion',
      'severity',
      'type',
      'updatedAt',
    ],
  },
};

/** Resources keep their type and id; Severity keeps only one field. */
function sparseFinding(
  service: string,
  finding: Record<string, unknown>,
  keep: string[],
): Record<string, unknown> {
  const sparse: Record<string, unknown> = {};
  for (const field of keep) {
    if (finding[field] !== undefined) {
      sparse[field] = finding[field];
    }
  }
  const resources = sparse.Resources ?? sparse.resources;
  if (Array.isArray(resources)) {
    const key = sparse.Resources ? 'Resources' : 'resources';
    sparse[key] = resources.map((resource: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(resource).filter(([name]) =>
          ['Type', 'Id', 'type', 'id'].includes(name),
        ),
      ),
    );
  }
  if (service === 'securityhub' && typeof sparse.Severity === 'object') {
    // The deprecated Normalized score alone: the fallback path.
    const severity = sparse.Severity as Record<string, unknown>;
    sparse.Severity =
      severity.Normalized !== undefined
        ? { Normalized: severity.Normalized }
        : { Label: severity.Label };
  }
  if (service === 'inspector2') {
    sparse.remediation = {};
  }
  return sparse;
}

function serviceOf(request: http.IncomingMessage): string {
  const authorization = String(request.headers.authorization ?? '');
  return (
    /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(authorization)?.[1] ?? ''
  );
}

/**
 * A proxy in front of the sandbox that answers like AWS with every optional
 * field of every finding left out (Security Hub, Inspector, GuardDuty). The
 * request is forwarded untouched, signature and all.
 */
export async function startSparseProxy(
  sandboxPort: number,
): Promise<{ port: number; stop(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const service = serviceOf(request);
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: sandboxPort,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      answer => {
        const chunks: Buffer[] = [];
        answer.on('data', chunk => chunks.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          const rule = REQUIRED_FINDING_FIELDS[service];
          if (rule && answer.statusCode === 200) {
            try {
              const parsed = JSON.parse(body.toString('utf8'));
              const key = Object.keys(parsed).find(
                name => name.toLowerCase() === rule.list.toLowerCase(),
              );
              if (key && Array.isArray(parsed[key])) {
                parsed[key] = parsed[key].map(
                  (finding: Record<string, unknown>) => {
                    // GuardDuty's wire format is camelCase; the keep list
                    // compares case-insensitively.
                    const keep = Object.keys(finding).filter(name =>
                      rule.keep.some(
                        field => field.toLowerCase() === name.toLowerCase(),
                      ),
                    );
                    return sparseFinding(service, finding, keep);
                  },
                );
                body = Buffer.from(JSON.stringify(parsed));
              }
            } catch {
              // Not JSON: forward as it is.
            }
          }
          const headers = { ...answer.headers };
          headers['content-length'] = String(body.length);
          delete headers['transfer-encoding'];
          response.writeHead(answer.statusCode ?? 500, headers);
          response.end(body);
        });
      },
    );
    upstream.on('error', error => {
      response.writeHead(502);
      response.end(error.message);
    });
    request.pipe(upstream);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
