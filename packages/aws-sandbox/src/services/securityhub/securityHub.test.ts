import {
  CreateInsightCommand,
  DescribeHubCommand,
  GetEnabledStandardsCommand,
  GetFindingsCommand,
  GetFindingsCommandInput,
  GetInsightResultsCommand,
  InvalidAccessException,
  InvalidInputException,
  SecurityHubClient,
  SecurityHubServiceException,
  paginateGetFindings,
  AwsSecurityFinding,
} from '@aws-sdk/client-securityhub';
import {
  SEED_ACCOUNTS,
  SEED_ROLE_NAMES,
  startSandbox,
  SandboxHandle,
} from '../../index';
import { assumeRole } from '../../__testUtils__/assumeRole';
import { clientSettings } from '../../__testUtils__/sandboxClients';

const FAILING_CONTROLS = [
  'EC2.13',
  'EC2.19',
  'EC2.6',
  'EC2.7',
  'EC2.8',
  'S3.1',
];

function controlId(finding: AwsSecurityFinding) {
  return (
    finding.Compliance?.SecurityControlId ?? finding.ProductFields?.ControlId
  );
}

describe('Security Hub', () => {
  let sandbox: SandboxHandle;
  let admin: SecurityHubClient;

  async function allFindings(
    client: SecurityHubClient,
    input: GetFindingsCommandInput,
  ) {
    const findings: AwsSecurityFinding[] = [];
    for await (const page of paginateGetFindings({ client }, input)) {
      findings.push(...(page.Findings ?? []));
    }
    return findings;
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
    admin = new SecurityHubClient({
      ...clientSettings(sandbox),
      credentials: await assumeRole(
        sandbox,
        SEED_ACCOUNTS.securityTooling.id,
        SEED_ROLE_NAMES.securityToolingRead,
      ),
    });
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.control.setQuotaScale(0));

  it('describes the hub and the FSBP standard, and refuses an unsubscribed account', async () => {
    const hub = await admin.send(new DescribeHubCommand({}));
    expect(hub.HubArn).toBe(
      'arn:aws:securityhub:us-east-1:222222222222:hub/default',
    );
    const standards = await admin.send(new GetEnabledStandardsCommand({}));
    expect(standards.StandardsSubscriptions?.[0]).toMatchObject({
      StandardsStatus: 'READY',
    });
    expect(standards.StandardsSubscriptions?.[0].StandardsArn).toContain(
      'aws-foundational-security-best-practices',
    );

    const unsubscribed = new SecurityHubClient(
      clientSettings(sandbox, { accountId: SEED_ACCOUNTS.ordersStaging.id }),
    );
    const error = await unsubscribed
      .send(new DescribeHubCommand({}))
      .catch(e => e);
    expect(error).toBeInstanceOf(InvalidAccessException);
    expect(error.$metadata.httpStatusCode).toBe(401);
  });

  it('shows payments-dev failing exactly the listed controls, in both finding formats', async () => {
    const findings = await allFindings(admin, {
      Filters: {
        AwsAccountId: [
          { Value: SEED_ACCOUNTS.paymentsDev.id, Comparison: 'EQUALS' },
        ],
        ComplianceStatus: [{ Value: 'FAILED', Comparison: 'EQUALS' }],
        RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
        WorkflowStatus: [{ Value: 'SUPPRESSED', Comparison: 'NOT_EQUALS' }],
      },
    });
    expect([...new Set(findings.map(controlId))].sort()).toEqual(
      FAILING_CONTROLS,
    );
    expect(new Set(findings.map(f => f.Region))).toEqual(
      new Set(['us-east-1', 'eu-west-1']),
    );
    const legacy = findings.find(f => f.Region === 'eu-west-1')!;
    expect(legacy.Compliance?.SecurityControlId).toBeUndefined();
    expect(legacy.ProductFields?.ControlId).toBeDefined();
    const consolidated = findings.find(f => f.Region === 'us-east-1')!;
    expect(consolidated.GeneratorId).toMatch(/^security-control\//);
    expect(
      consolidated.Compliance?.AssociatedStandards?.[0].StandardsId,
    ).toContain('aws-foundational-security-best-practices');
  });

  it('shows payments-prod passing every control once archived and suppressed findings are left out', async () => {
    const failed = await allFindings(admin, {
      Filters: {
        AwsAccountId: [
          { Value: SEED_ACCOUNTS.paymentsProd.id, Comparison: 'EQUALS' },
        ],
        ComplianceStatus: [{ Value: 'FAILED', Comparison: 'EQUALS' }],
      },
    });
    expect(
      failed.map(f => [controlId(f), f.RecordState, f.Workflow?.Status]),
    ).toEqual(
      expect.arrayContaining([
        ['EC2.8', 'ARCHIVED', 'NEW'],
        ['ELB.1', 'ACTIVE', 'SUPPRESSED'],
      ]),
    );
    expect(failed).toHaveLength(2);
    const ec28 = await allFindings(admin, {
      Filters: {
        AwsAccountId: [
          { Value: SEED_ACCOUNTS.paymentsProd.id, Comparison: 'EQUALS' },
        ],
        ComplianceSecurityControlId: [{ Value: 'EC2.8', Comparison: 'EQUALS' }],
        RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
      },
    });
    expect(ec28.map(f => f.Compliance?.Status)).toEqual(['PASSED']);
  });

  it('limits a member account to its own findings and the delegated administrator to what it filters', async () => {
    const member = new SecurityHubClient({
      ...clientSettings(sandbox),
      credentials: await assumeRole(
        sandbox,
        SEED_ACCOUNTS.paymentsProd.id,
        SEED_ROLE_NAMES.postureRead,
      ),
    });
    const own = await allFindings(member, {
      Filters: { SeverityLabel: [{ Value: 'HIGH', Comparison: 'EQUALS' }] },
    });
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map(f => f.AwsAccountId))).toEqual(
      new Set([SEED_ACCOUNTS.paymentsProd.id]),
    );

    const other = await member.send(
      new GetFindingsCommand({
        Filters: {
          AwsAccountId: [
            { Value: SEED_ACCOUNTS.paymentsDev.id, Comparison: 'EQUALS' },
          ],
        },
      }),
    );
    expect(other.Findings).toEqual([]);

    const everyone = await admin.send(
      new GetFindingsCommand({ MaxResults: 100 }),
    );
    expect(
      new Set(everyone.Findings?.map(f => f.AwsAccountId)).size,
    ).toBeGreaterThan(1);
    expect(
      everyone.Findings?.some(
        f => f.AwsAccountId === SEED_ACCOUNTS.ordersStaging.id,
      ),
    ).toBe(false);
  });

  it('sorts, filters by product, Region and update time, and pages with NextToken', async () => {
    const start = new Date(Date.now() - 90 * 86400000).toISOString();
    const end = new Date().toISOString();
    const page = await admin.send(
      new GetFindingsCommand({
        Filters: {
          ProductName: [{ Value: 'Inspector', Comparison: 'EQUALS' }],
          Region: [{ Value: 'eu-west-1', Comparison: 'EQUALS' }],
          UpdatedAt: [{ Start: start, End: end }],
        },
        SortCriteria: [{ Field: 'UpdatedAt', SortOrder: 'asc' }],
        MaxResults: 20,
      }),
    );
    const times = page.Findings!.map(f => f.UpdatedAt!);
    expect(times).toEqual([...times].sort());
    expect(
      page.Findings!.every(
        f =>
          f.ProductName === 'Inspector' &&
          f.Region === 'eu-west-1' &&
          f.UpdatedAt! >= start,
      ),
    ).toBe(true);
    expect(page.Findings![0].Vulnerabilities?.[0].Id).toMatch(
      /^CVE-\d{4}-\d+$/,
    );
    expect(page.NextToken).toBeDefined();
    const next = await admin.send(
      new GetFindingsCommand({
        Filters: {
          ProductName: [{ Value: 'Inspector', Comparison: 'EQUALS' }],
          Region: [{ Value: 'eu-west-1', Comparison: 'EQUALS' }],
          UpdatedAt: [{ Start: start, End: end }],
        },
        SortCriteria: [{ Field: 'UpdatedAt', SortOrder: 'asc' }],
        MaxResults: 20,
        NextToken: page.NextToken,
      }),
    );
    expect(next.Findings![0].UpdatedAt! >= times[times.length - 1]).toBe(true);
    expect(next.Findings!.map(f => f.Id)).not.toContain(page.Findings![0].Id);

    await expect(
      admin.send(new GetFindingsCommand({ MaxResults: 101 })),
    ).rejects.toBeInstanceOf(InvalidInputException);
    await expect(
      admin.send(new GetFindingsCommand({ NextToken: next.NextToken })),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('groups findings by severity and account with insights', async () => {
    const { InsightArn } = await admin.send(
      new CreateInsightCommand({
        Name: 'active by severity',
        GroupByAttribute: 'SeverityLabel',
        Filters: {
          RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
          AwsAccountId: [
            { Value: SEED_ACCOUNTS.paymentsDev.id, Comparison: 'EQUALS' },
          ],
        },
      }),
    );
    const { InsightResults } = await admin.send(
      new GetInsightResultsCommand({ InsightArn }),
    );
    const counts = Object.fromEntries(
      InsightResults!.ResultValues!.map(v => [
        v.GroupByAttributeValue,
        v.Count,
      ]),
    );
    const paged = await allFindings(admin, {
      Filters: {
        RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
        AwsAccountId: [
          { Value: SEED_ACCOUNTS.paymentsDev.id, Comparison: 'EQUALS' },
        ],
        SeverityLabel: [{ Value: 'CRITICAL', Comparison: 'EQUALS' }],
      },
    });
    expect(counts.CRITICAL).toBe(paged.length);
  });

  it('throttles GetFindings at 3/s burst 6 with 429 TooManyRequestsException, which the SDK retries', async () => {
    sandbox.control.setQuotaScale(1);
    const once = new SecurityHubClient({
      ...clientSettings(sandbox, { maxAttempts: 1 }),
      credentials: await assumeRole(
        sandbox,
        SEED_ACCOUNTS.paymentsDev.id,
        SEED_ROLE_NAMES.postureRead,
      ),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        once.send(new GetFindingsCommand({ MaxResults: 1 })),
      ),
    );
    const rejected = results.filter(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(6);
    expect(rejected[0].reason).toBeInstanceOf(SecurityHubServiceException);
    expect(rejected[0].reason.name).toBe('TooManyRequestsException');
    expect(rejected[0].reason.$metadata.httpStatusCode).toBe(429);

    const retrying = new SecurityHubClient({
      ...clientSettings(sandbox, { maxAttempts: 6 }),
      credentials: await assumeRole(
        sandbox,
        SEED_ACCOUNTS.paymentsStaging.id,
        SEED_ROLE_NAMES.postureRead,
      ),
    });
    const all = await Promise.all(
      Array.from({ length: 8 }, () =>
        retrying.send(new GetFindingsCommand({ MaxResults: 1 })),
      ),
    );
    expect(all.some(r => (r.$metadata.attempts ?? 1) > 1)).toBe(true);
  });
});
