import {
  AccessAnalyzerClient,
  ListAnalyzersCommand,
  ListFindingsV2Command,
} from '@aws-sdk/client-accessanalyzer';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { loadFixture } from '../__fixtures__/loadFixture';
import { readAccessAnalyzer } from './accessAnalyzer';

const analyzer = mockClient(AccessAnalyzerClient);

describe('readAccessAnalyzer', () => {
  beforeEach(() => analyzer.reset());

  it('counts only ACTIVE findings; ARCHIVED and RESOLVED are not counted', async () => {
    const { findings } = loadFixture('accessanalyzer/list-findings-v2.json');
    analyzer.on(ListAnalyzersCommand).resolves({
      analyzers: [
        {
          arn: 'arn:aws:access-analyzer:us-east-1:111122223333:analyzer/a',
          name: 'a',
          type: 'ACCOUNT',
          status: 'ACTIVE',
          createdAt: new Date(),
        },
        {
          arn: 'arn:aws:access-analyzer:us-east-1:111122223333:analyzer/b',
          name: 'b',
          type: 'ACCOUNT',
          status: 'DISABLED',
          createdAt: new Date(),
        },
      ],
    });
    analyzer.on(ListFindingsV2Command).resolves({
      findings: [
        ...findings,
        { ...findings[0], id: 'archived', status: 'ARCHIVED' },
        { ...findings[0], id: 'resolved', status: 'RESOLVED' },
      ],
    });

    const state = await readAccessAnalyzer(
      new AccessAnalyzerClient({ region: 'us-east-1' }),
      '111122223333',
    );

    expect(state).toEqual({ activeAnalyzers: 1, activeFindings: 2 });
    expect(analyzer).toHaveReceivedCommandTimes(ListFindingsV2Command, 1);
    expect(analyzer).toHaveReceivedCommandWith(ListFindingsV2Command, {
      analyzerArn: 'arn:aws:access-analyzer:us-east-1:111122223333:analyzer/a',
      filter: { status: { eq: ['ACTIVE'] } },
      maxResults: 100,
    });
  });
});
