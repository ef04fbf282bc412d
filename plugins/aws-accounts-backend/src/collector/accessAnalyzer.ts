import {
  AccessAnalyzerClient,
  ListAnalyzersCommand,
  ListFindingsV2Command,
} from '@aws-sdk/client-accessanalyzer';

/** Access Analyzer's largest `ListFindingsV2` page. */
export const ACCESS_ANALYZER_PAGE_SIZE = 100;

/** The account's active analyzers and their active findings. */
export interface AccessAnalyzerState {
  activeAnalyzers: number;
  activeFindings: number;
}

/**
 * Counts active findings of the account's active analyzers. The request
 * asks for ACTIVE, and ARCHIVED or RESOLVED findings are dropped again on
 * read, so a service that ignored the filter cannot inflate the count.
 */
export async function readAccessAnalyzer(
  client: AccessAnalyzerClient,
  accountId: string,
): Promise<AccessAnalyzerState> {
  const analyzerArns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListAnalyzersCommand({ nextToken }));
    for (const analyzer of page.analyzers ?? []) {
      if (analyzer.status === 'ACTIVE' && analyzer.arn) {
        analyzerArns.push(analyzer.arn);
      }
    }
    nextToken = page.nextToken;
  } while (nextToken);

  let activeFindings = 0;
  for (const analyzerArn of analyzerArns) {
    let findingsToken: string | undefined;
    do {
      const page = await client.send(
        new ListFindingsV2Command({
          analyzerArn,
          filter: { status: { eq: ['ACTIVE'] } },
          maxResults: ACCESS_ANALYZER_PAGE_SIZE,
          nextToken: findingsToken,
        }),
      );
      activeFindings += (page.findings ?? []).filter(
        finding =>
          finding.status === 'ACTIVE' &&
          (!finding.resourceOwnerAccount ||
            finding.resourceOwnerAccount === accountId),
      ).length;
      findingsToken = page.nextToken;
    } while (findingsToken);
  }

  return { activeAnalyzers: analyzerArns.length, activeFindings };
}
