import {
  GetFindingsCommand,
  GetFindingsStatisticsCommand,
  GuardDutyClient,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { loadFixture } from '../__fixtures__/loadFixture';
import { readGuardDutyCounts, readGuardDutyFindings } from './guardDuty';
import { StoredFinding } from './StoredFinding';

const guardDuty = mockClient(GuardDutyClient);

describe('readGuardDutyFindings', () => {
  beforeEach(() => guardDuty.reset());

  it('fetches details with each page’s own finding ids, 50 a page', async () => {
    const { FindingIds } = loadFixture('guardduty/list-findings.json');
    const { Findings } = loadFixture('guardduty/get-findings.json');
    const firstPage = FindingIds.slice(0, 4);
    const secondPage = FindingIds.slice(4);
    guardDuty
      .on(ListFindingsCommand)
      .resolvesOnce({ FindingIds: firstPage, NextToken: 'next' })
      .resolvesOnce({ FindingIds: secondPage, NextToken: '' });
    guardDuty.on(GetFindingsCommand).callsFake(input => ({
      Findings: input.FindingIds.map((id: string) => ({
        ...Findings[0],
        Id: id,
        Arn: `${Findings[0].Arn.replace(/finding\/.*/, 'finding/')}${id}`,
      })),
    }));

    const read: StoredFinding[] = [];
    for await (const page of readGuardDutyFindings(
      new GuardDutyClient({ region: 'us-east-1' }),
      'detector-1',
      { region: 'us-east-1', accountIds: ['111122223333'] },
    )) {
      read.push(...page);
    }

    const calls = guardDuty.commandCalls(GetFindingsCommand);
    expect(calls.map(call => call.args[0].input.FindingIds)).toEqual([
      firstPage,
      secondPage,
    ]);
    expect(guardDuty).toHaveReceivedNthSpecificCommandWith(
      1,
      ListFindingsCommand,
      {
        DetectorId: 'detector-1',
        MaxResults: 50,
        FindingCriteria: {
          Criterion: {
            'service.archived': { Equals: ['false'] },
            accountId: { Equals: ['111122223333'] },
          },
        },
      },
    );
    expect(read).toHaveLength(FindingIds.length);
    // Native severity 5 is MEDIUM in GuardDuty's bands.
    expect(read[0].severity).toBe('MEDIUM');
    expect(read[0].accountId).toBe('111122223333');
  });
});

describe('readGuardDutyCounts', () => {
  beforeEach(() => guardDuty.reset());

  it('maps numeric severities to bands from grouped statistics', async () => {
    guardDuty.on(GetFindingsStatisticsCommand).resolves({
      FindingStatistics: {
        GroupedBySeverity: [
          { Severity: 2, TotalFindings: 3 },
          { Severity: 5, TotalFindings: 1 },
          { Severity: 8, TotalFindings: 2 },
          { Severity: 9.5, TotalFindings: 1 },
        ],
      },
    });
    const counts = await readGuardDutyCounts(
      new GuardDutyClient({ region: 'us-east-1' }),
      'detector-1',
      '500000000003',
    );
    expect(counts).toEqual({
      CRITICAL: 1,
      HIGH: 2,
      MEDIUM: 1,
      LOW: 3,
      INFORMATIONAL: 0,
      UNTRIAGED: 0,
    });
    expect(guardDuty).toHaveReceivedCommandWith(GetFindingsStatisticsCommand, {
      FindingCriteria: {
        Criterion: {
          accountId: { Equals: ['500000000003'] },
          'service.archived': { Equals: ['false'] },
        },
      },
    });
  });

  it('reads the older CountBySeverity map too', async () => {
    guardDuty.on(GetFindingsStatisticsCommand).resolves({
      FindingStatistics: { CountBySeverity: { '5': 2, '8.0': 1 } },
    });
    const counts = await readGuardDutyCounts(
      new GuardDutyClient({ region: 'us-east-1' }),
      'detector-1',
      '500000000003',
    );
    expect(counts.MEDIUM).toBe(2);
    expect(counts.HIGH).toBe(1);
  });
});
