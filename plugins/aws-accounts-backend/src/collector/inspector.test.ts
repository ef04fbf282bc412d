import {
  Inspector2Client,
  ListFindingAggregationsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-inspector2';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { loadFixture } from '../__fixtures__/loadFixture';
import { readInspectorAccountCounts, readInspectorFindings } from './inspector';
import { StoredFinding } from './StoredFinding';

const inspector = mockClient(Inspector2Client);

async function collect(generator: AsyncGenerator<StoredFinding[]>) {
  const all: StoredFinding[] = [];
  for await (const page of generator) all.push(...page);
  return all;
}

describe('Inspector findings', () => {
  beforeEach(() => inspector.reset());

  it('asks for ACTIVE findings on a full read, page size 100, and pages with nextToken', async () => {
    const { findings } = loadFixture('inspector2/list-findings-many.json');
    inspector
      .on(ListFindingsCommand)
      .resolvesOnce({ findings: findings.slice(0, 4), nextToken: 'page-2' })
      .resolvesOnce({ findings: findings.slice(4) });

    const read = await collect(
      readInspectorFindings(new Inspector2Client({ region: 'us-east-1' }), {
        region: 'us-east-1',
        accountIds: ['012345678901'],
      }),
    );

    expect(read).toHaveLength(8);
    expect(inspector).toHaveReceivedCommandTimes(ListFindingsCommand, 2);
    expect(inspector).toHaveReceivedNthSpecificCommandWith(
      1,
      ListFindingsCommand,
      {
        maxResults: 100,
        filterCriteria: {
          findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
          awsAccountId: [{ comparison: 'EQUALS', value: '012345678901' }],
        },
      },
    );
    expect(inspector).toHaveReceivedNthSpecificCommandWith(
      2,
      ListFindingsCommand,
      {
        nextToken: 'page-2',
      },
    );
  });

  it('keeps CLOSED and SUPPRESSED findings out of the active set', async () => {
    const { findings } = loadFixture('inspector2/list-findings-many.json');
    inspector.on(ListFindingsCommand).resolves({
      findings: [
        ...findings,
        {
          ...findings[1],
          findingArn: `${findings[1].findingArn}-s`,
          status: 'SUPPRESSED',
        },
      ],
    });

    const read = await collect(
      readInspectorFindings(new Inspector2Client({ region: 'us-east-1' }), {
        region: 'us-east-1',
        updatedSince: new Date('2026-01-01T00:00:00Z'),
      }),
    );

    const closed = read.find(f => f.status === 'CLOSED')!;
    const suppressed = read.find(f => f.status === 'SUPPRESSED')!;
    expect(closed.active).toBe(false);
    expect(suppressed.active).toBe(false);
    expect(read.filter(f => f.active)).toHaveLength(7);
    // An incremental read asks for everything updated since, so closings are seen.
    const input = inspector.commandCalls(ListFindingsCommand)[0].args[0].input;
    expect(input.filterCriteria?.findingStatus).toBeUndefined();
    expect(input.filterCriteria?.updatedAt?.[0].startInclusive).toEqual(
      new Date('2026-01-01T00:00:00Z'),
    );
  });

  it('keeps optional fields optional: UNTRIAGED severity, fix and exploit flags, package', async () => {
    const { findings } = loadFixture('inspector2/list-findings-many.json');
    const noPackage = {
      ...findings[2],
      findingArn: 'arn:aws:inspector2:eu-west-1:012345678901:finding/net',
      packageVulnerabilityDetails: undefined,
      fixAvailable: undefined,
      exploitAvailable: undefined,
      inspectorScore: undefined,
      type: 'NETWORK_REACHABILITY',
      resources: [{ ...findings[2].resources[0], region: 'eu-west-1' }],
    };
    inspector
      .on(ListFindingsCommand)
      .resolves({ findings: [findings[1], noPackage] });

    const [untriaged, network] = await collect(
      readInspectorFindings(new Inspector2Client({ region: 'us-east-1' }), {
        region: 'us-east-1',
      }),
    );
    expect(untriaged.severity).toBe('UNTRIAGED');
    expect(untriaged.packageName).toBeDefined();
    expect(network.packageName).toBeUndefined();
    expect(network.fixAvailable).toBeUndefined();
    expect(network.exploitAvailable).toBeUndefined();
    expect(network.region).toBe('eu-west-1');
  });
});

describe('readInspectorAccountCounts', () => {
  beforeEach(() => inspector.reset());

  it('reads ACCOUNT aggregations for every member in one stream', async () => {
    inspector.on(ListFindingAggregationsCommand).resolves({
      aggregationType: 'ACCOUNT',
      responses: [
        {
          accountAggregation: {
            accountId: '500000000001',
            severityCounts: { all: 0, critical: 0, high: 0, medium: 0 },
          },
        },
        {
          accountAggregation: {
            accountId: '500000000003',
            severityCounts: { all: 12, critical: 2, high: 3, medium: 4 },
          },
        },
      ],
    });
    const counts = await readInspectorAccountCounts(
      new Inspector2Client({ region: 'us-east-1' }),
    );
    expect(counts.get('500000000003')).toEqual({
      all: 12,
      critical: 2,
      high: 3,
      medium: 4,
    });
    expect(inspector).toHaveReceivedCommandWith(
      ListFindingAggregationsCommand,
      {
        aggregationType: 'ACCOUNT',
      },
    );
  });
});
