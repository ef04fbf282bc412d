import {
  BatchGetAccountStatusCommand,
  Finding,
  Inspector2Client,
  ListCoverageCommand,
  ListFindingAggregationsCommand,
  ListFindingsCommandInput,
  ValidationException,
  paginateListFindings,
} from '@aws-sdk/client-inspector2';
import {
  SEED_ACCOUNTS,
  SEED_ROLE_NAMES,
  startSandbox,
  SandboxHandle,
} from '../../index';
import { assumeRole } from '../../__testUtils__/assumeRole';
import { clientSettings } from '../../__testUtils__/sandboxClients';

describe('Inspector2', () => {
  let sandbox: SandboxHandle;
  let admin: Inspector2Client;

  async function all(
    client: Inspector2Client,
    input: ListFindingsCommandInput,
  ) {
    const findings: Finding[] = [];
    for await (const page of paginateListFindings(
      { client, pageSize: 100 },
      input,
    )) {
      findings.push(...(page.findings ?? []));
    }
    return findings;
  }

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      quotaScale: 0,
      seed: { findingsPerAccount: 150 },
    });
    admin = new Inspector2Client({
      ...clientSettings(sandbox),
      credentials: await assumeRole(
        sandbox,
        SEED_ACCOUNTS.securityTooling.id,
        SEED_ROLE_NAMES.securityToolingRead,
      ),
    });
  });
  afterAll(() => sandbox.stop());

  it("pages through an account's findings as the delegated administrator", async () => {
    const findings = await all(admin, {
      filterCriteria: {
        awsAccountId: [
          { comparison: 'EQUALS', value: SEED_ACCOUNTS.paymentsDev.id },
        ],
      },
    });
    expect(findings.length).toBeGreaterThan(80);
    expect(
      findings.every(
        f =>
          f.awsAccountId === SEED_ACCOUNTS.paymentsDev.id &&
          f.resources?.[0].region === 'us-east-1',
      ),
    ).toBe(true);
    expect(new Set(findings.map(f => f.status))).toEqual(
      new Set(['ACTIVE', 'SUPPRESSED', 'CLOSED']),
    );
    expect(findings.some(f => f.severity === 'UNTRIAGED')).toBe(true);
    expect(
      findings.some(
        f =>
          f.type === 'NETWORK_REACHABILITY' && !f.packageVulnerabilityDetails,
      ),
    ).toBe(true);
    expect(
      findings.some(
        f => f.type === 'PACKAGE_VULNERABILITY' && f.fixAvailable === undefined,
      ),
    ).toBe(true);
    const withPackage = findings.find(
      f => f.packageVulnerabilityDetails?.cvss?.length,
    )!;
    expect(withPackage.packageVulnerabilityDetails!.vulnerabilityId).toMatch(
      /^CVE-/,
    );
    expect(
      withPackage.packageVulnerabilityDetails!.cvss![0].scoringVector,
    ).toMatch(/AV:/);
    expect(withPackage.updatedAt).toBeInstanceOf(Date);
    expect(new Set(findings.map(f => f.resources![0].type))).toEqual(
      new Set([
        'AWS_EC2_INSTANCE',
        'AWS_ECR_CONTAINER_IMAGE',
        'AWS_LAMBDA_FUNCTION',
      ]),
    );
  });

  it('filters by status, severity, fix and exploit availability, and sorts by severity', async () => {
    const findings = await all(admin, {
      filterCriteria: {
        awsAccountId: [
          { comparison: 'EQUALS', value: SEED_ACCOUNTS.paymentsProd.id },
        ],
        findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
        severity: [
          { comparison: 'EQUALS', value: 'CRITICAL' },
          { comparison: 'EQUALS', value: 'HIGH' },
        ],
        fixAvailable: [{ comparison: 'EQUALS', value: 'YES' }],
      },
      sortCriteria: { field: 'SEVERITY', sortOrder: 'DESC' },
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(
      findings.every(
        f =>
          f.status === 'ACTIVE' &&
          f.fixAvailable === 'YES' &&
          ['CRITICAL', 'HIGH'].includes(f.severity!),
      ),
    ).toBe(true);
    const firstHigh = findings.findIndex(f => f.severity === 'HIGH');
    expect(findings.slice(firstHigh).every(f => f.severity === 'HIGH')).toBe(
      true,
    );
  });

  it('keeps a member account to its own findings', async () => {
    const member = new Inspector2Client({
      ...clientSettings(sandbox),
      credentials: await assumeRole(
        sandbox,
        SEED_ACCOUNTS.ordersDev.id,
        SEED_ROLE_NAMES.postureRead,
      ),
    });
    const findings = await all(member, {});
    expect(new Set(findings.map(f => f.awsAccountId))).toEqual(
      new Set([SEED_ACCOUNTS.ordersDev.id]),
    );
  });

  it('counts ACTIVE findings per account in ListFindingAggregations', async () => {
    const { responses } = await admin.send(
      new ListFindingAggregationsCommand({
        aggregationType: 'ACCOUNT',
        accountIds: [
          { comparison: 'EQUALS', value: SEED_ACCOUNTS.paymentsDev.id },
        ],
      }),
    );
    const counts = responses?.[0].accountAggregation;
    const active = await all(admin, {
      filterCriteria: {
        awsAccountId: [
          { comparison: 'EQUALS', value: SEED_ACCOUNTS.paymentsDev.id },
        ],
        findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
      },
    });
    expect(counts?.accountId).toBe(SEED_ACCOUNTS.paymentsDev.id);
    expect(counts?.severityCounts).toEqual({
      all: active.length,
      critical: active.filter(f => f.severity === 'CRITICAL').length,
      high: active.filter(f => f.severity === 'HIGH').length,
      medium: active.filter(f => f.severity === 'MEDIUM').length,
    });

    const everyAccount = await admin.send(
      new ListFindingAggregationsCommand({ aggregationType: 'ACCOUNT' }),
    );
    expect(everyAccount.responses!.length).toBe(10);
    const titles = await admin.send(
      new ListFindingAggregationsCommand({
        aggregationType: 'TITLE',
        maxResults: 5,
      }),
    );
    expect(titles.responses![0].titleAggregation?.vulnerabilityId).toMatch(
      /^CVE-/,
    );
  });

  it('reports account status and coverage, and rejects unsupported input', async () => {
    const status = await admin.send(
      new BatchGetAccountStatusCommand({
        accountIds: [SEED_ACCOUNTS.paymentsProd.id],
      }),
    );
    expect(status.accounts?.[0]).toMatchObject({
      accountId: SEED_ACCOUNTS.paymentsProd.id,
      state: { status: 'ENABLED' },
      resourceState: { ec2: { status: 'ENABLED' }, ecr: { status: 'ENABLED' } },
    });
    const coverage = await admin.send(
      new ListCoverageCommand({
        filterCriteria: {
          accountId: [
            { comparison: 'EQUALS', value: SEED_ACCOUNTS.paymentsDev.id },
          ],
        },
      }),
    );
    expect(
      coverage.coveredResources?.filter(
        r => r.resourceType === 'AWS_EC2_INSTANCE',
      ),
    ).toHaveLength(3);
    await expect(
      admin.send(
        new ListFindingAggregationsCommand({ aggregationType: 'AMI' }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
  });
});
