import {
  GetDetectorCommand,
  GetFindingsCommand,
  GetFindingsStatisticsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
  BadRequestException,
  paginateListFindings,
} from '@aws-sdk/client-guardduty';
import {
  SEED_ACCOUNTS,
  SEED_ROLE_NAMES,
  startSandbox,
  SandboxHandle,
} from '../../index';
import { assumeRole } from '../../__testUtils__/assumeRole';
import { clientSettings } from '../../__testUtils__/sandboxClients';

describe('GuardDuty', () => {
  let sandbox: SandboxHandle;
  let admin: GuardDutyClient;
  let detectorId: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
    admin = new GuardDutyClient({
      ...clientSettings(sandbox),
      credentials: await assumeRole(
        sandbox,
        SEED_ACCOUNTS.securityTooling.id,
        SEED_ROLE_NAMES.securityToolingRead,
      ),
    });
    detectorId = (await admin.send(new ListDetectorsCommand({})))
      .DetectorIds![0];
  });
  afterAll(() => sandbox.stop());

  const accountCriterion = (accountId: string) => ({
    Criterion: { accountId: { Eq: [accountId] } },
  });

  it('has an enabled detector', async () => {
    expect(
      await admin.send(new GetDetectorCommand({ DetectorId: detectorId })),
    ).toMatchObject({ Status: 'ENABLED' });
    await expect(
      admin.send(new GetDetectorCommand({ DetectorId: 'd0000' })),
    ).rejects.toBeInstanceOf(BadRequestException);
  });

  it("lists and gets a member's findings from the delegated administrator", async () => {
    const ids: string[] = [];
    for await (const page of paginateListFindings(
      { client: admin },
      {
        DetectorId: detectorId,
        FindingCriteria: accountCriterion(SEED_ACCOUNTS.paymentsDev.id),
      },
    )) {
      ids.push(...(page.FindingIds ?? []));
    }
    expect(ids.length).toBeGreaterThan(20);
    const { Findings } = await admin.send(
      new GetFindingsCommand({
        DetectorId: detectorId,
        FindingIds: ids.slice(0, 50),
      }),
    );
    expect(Findings).toHaveLength(Math.min(50, ids.length));
    expect(
      Findings!.every(
        f =>
          f.AccountId === SEED_ACCOUNTS.paymentsDev.id &&
          typeof f.Severity === 'number',
      ),
    ).toBe(true);
    expect(Findings!.some(f => f.Service?.Archived)).toBe(true);
  });

  it('counts by severity the findings that ListFindings returns', async () => {
    const criteria = {
      Criterion: {
        ...accountCriterion(SEED_ACCOUNTS.paymentsDev.id).Criterion,
        'service.archived': { Eq: ['false'] },
      },
    };
    const ids: string[] = [];
    for await (const page of paginateListFindings(
      { client: admin },
      { DetectorId: detectorId, FindingCriteria: criteria },
    )) {
      ids.push(...(page.FindingIds ?? []));
    }
    const stats = await admin.send(
      new GetFindingsStatisticsCommand({
        DetectorId: detectorId,
        FindingStatisticTypes: ['COUNT_BY_SEVERITY'],
        FindingCriteria: criteria,
      }),
    );
    const total = Object.values(
      stats.FindingStatistics!.CountBySeverity!,
    ).reduce((a, b) => a + b, 0);
    expect(total).toBe(ids.length);
    const grouped = await admin.send(
      new GetFindingsStatisticsCommand({
        DetectorId: detectorId,
        GroupBy: 'SEVERITY',
        FindingCriteria: criteria,
      }),
    );
    expect(
      grouped.FindingStatistics!.GroupedBySeverity!.reduce(
        (a, g) => a + g.TotalFindings!,
        0,
      ),
    ).toBe(ids.length);
    expect(
      typeof grouped.FindingStatistics!.GroupedBySeverity![0].Severity,
    ).toBe('number');
  });

  it('filters by severity and keeps members to themselves', async () => {
    const { FindingIds } = await admin.send(
      new ListFindingsCommand({
        DetectorId: detectorId,
        FindingCriteria: { Criterion: { severity: { Gte: 7 } } },
        MaxResults: 50,
      }),
    );
    const { Findings } = await admin.send(
      new GetFindingsCommand({ DetectorId: detectorId, FindingIds }),
    );
    expect(Findings!.every(f => f.Severity! >= 7)).toBe(true);

    const member = new GuardDutyClient({
      ...clientSettings(sandbox),
      credentials: await assumeRole(
        sandbox,
        SEED_ACCOUNTS.paymentsProd.id,
        SEED_ROLE_NAMES.postureRead,
      ),
    });
    const own = (await member.send(new ListDetectorsCommand({})))
      .DetectorIds![0];
    const mine = await member.send(
      new ListFindingsCommand({ DetectorId: own, MaxResults: 50 }),
    );
    const details = await member.send(
      new GetFindingsCommand({
        DetectorId: own,
        FindingIds: [...mine.FindingIds!, ...FindingIds!.slice(0, 3)],
      }),
    );
    expect(new Set(details.Findings!.map(f => f.AccountId))).toEqual(
      new Set([SEED_ACCOUNTS.paymentsProd.id]),
    );
  });
});
