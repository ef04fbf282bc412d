import {
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { loadFixture } from '../__fixtures__/loadFixture';
import { readSecurityHubFindings } from './securityHub';
import { StoredFinding } from './StoredFinding';

const hub = mockClient(SecurityHubClient);

async function collect(generator: AsyncGenerator<StoredFinding[]>) {
  const all: StoredFinding[] = [];
  for await (const page of generator) all.push(...page);
  return all;
}

describe('readSecurityHubFindings', () => {
  beforeEach(() => hub.reset());

  it('never filters on compliance status, so product findings are kept', async () => {
    const guardDuty = loadFixture(
      'securityhub/get-findings-guardduty.json',
    ).Findings;
    const inspector = loadFixture(
      'securityhub/get-findings-inspector-ec2-cve.json',
    ).Findings;
    const controls = loadFixture(
      'securityhub/get-findings-fsbp-controls.json',
    ).findings;
    hub
      .on(GetFindingsCommand)
      .resolvesOnce({ Findings: [...guardDuty, ...controls], NextToken: 't2' })
      .resolvesOnce({ Findings: inspector });

    const read = await collect(
      readSecurityHubFindings(new SecurityHubClient({ region: 'us-east-1' }), {
        region: 'us-east-1',
      }),
    );

    expect(read).toHaveLength(
      guardDuty.length + controls.length + inspector.length,
    );
    for (const call of hub.commandCalls(GetFindingsCommand)) {
      expect(call.args[0].input.Filters?.ComplianceStatus).toBeUndefined();
      expect(call.args[0].input.MaxResults).toBe(100);
    }
    expect(hub).toHaveReceivedNthSpecificCommandWith(1, GetFindingsCommand, {
      Filters: { RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }] },
    });
    expect(hub).toHaveReceivedNthSpecificCommandWith(2, GetFindingsCommand, {
      NextToken: 't2',
    });
  });

  it('reads only findings updated since the given time on an incremental read', async () => {
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    const since = new Date('2026-12-01T00:00:00Z');
    await collect(
      readSecurityHubFindings(new SecurityHubClient({ region: 'us-east-1' }), {
        region: 'us-east-1',
        accountIds: ['500000000001'],
        updatedSince: since,
      }),
    );
    const filters =
      hub.commandCalls(GetFindingsCommand)[0].args[0].input.Filters!;
    expect(filters.UpdatedAt?.[0].Start).toBe(since.toISOString());
    expect(filters.RecordState).toBeUndefined();
    expect(filters.AwsAccountId).toEqual([
      { Value: '500000000001', Comparison: 'EQUALS' },
    ]);
  });
});
