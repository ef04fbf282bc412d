import {
  GetFindingsCommand as GetGuardDutyFindingsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand as ListGuardDutyFindingsCommand,
} from '@aws-sdk/client-guardduty';
import {
  Inspector2Client,
  ListFindingsCommand as ListInspectorFindingsCommand,
} from '@aws-sdk/client-inspector2';
import {
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/** What the naive collector did. */
export interface NaiveRun {
  durationMs: number;
  calls: number;
  findings: number;
}

const CONCURRENCY = 8;
const SDK_SETTINGS = { retryMode: 'adaptive', maxAttempts: 8 } as const;

/**
 * The baseline the posture collector is compared with: every run lists every
 * finding of every account from the Security Tooling account (Security Hub,
 * Inspector, GuardDuty), page by page, with no incremental filter and no
 * aggregation; it stores nothing.
 */
export async function runNaiveCollector(options: {
  accountIds: string[];
  regions: string[];
  securityToolingAccountId: string;
  roleName: string;
}): Promise<NaiveRun> {
  const started = Date.now();
  const tally = { calls: 0, findings: 0 };

  const sts = new STSClient({ region: options.regions[0], ...SDK_SETTINGS });
  tally.calls++;
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${options.securityToolingAccountId}:role/${options.roleName}`,
      RoleSessionName: 'naive-benchmark',
    }),
  );
  const credentials = {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken,
  };

  for (const region of options.regions) {
    const settings = { region, credentials, ...SDK_SETTINGS };
    const securityHub = new SecurityHubClient(settings);
    const inspector = new Inspector2Client(settings);
    const guardDuty = new GuardDutyClient(settings);
    tally.calls++;
    const detectorId = (await guardDuty.send(new ListDetectorsCommand({})))
      .DetectorIds?.[0];

    const readAccount = async (accountId: string) => {
      let token: string | undefined;
      do {
        tally.calls++;
        const page = await securityHub.send(
          new GetFindingsCommand({
            Filters: {
              AwsAccountId: [{ Value: accountId, Comparison: 'EQUALS' }],
            },
            MaxResults: 100,
            NextToken: token,
          }),
        );
        tally.findings += page.Findings?.length ?? 0;
        token = page.NextToken;
      } while (token);

      do {
        tally.calls++;
        const page = await inspector.send(
          new ListInspectorFindingsCommand({
            filterCriteria: {
              awsAccountId: [{ comparison: 'EQUALS', value: accountId }],
            },
            maxResults: 100,
            nextToken: token,
          }),
        );
        tally.findings += page.findings?.length ?? 0;
        token = page.nextToken;
      } while (token);

      if (!detectorId) {
        return;
      }
      do {
        tally.calls++;
        const page = await guardDuty.send(
          new ListGuardDutyFindingsCommand({
            DetectorId: detectorId,
            FindingCriteria: {
              Criterion: { accountId: { Eq: [accountId] } },
            },
            MaxResults: 50,
            NextToken: token,
          }),
        );
        token = page.NextToken || undefined;
        if (page.FindingIds?.length) {
          tally.calls++;
          const details = await guardDuty.send(
            new GetGuardDutyFindingsCommand({
              DetectorId: detectorId,
              FindingIds: page.FindingIds,
            }),
          );
          tally.findings += details.Findings?.length ?? 0;
        }
      } while (token);
    };

    const queue = [...options.accountIds];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await readAccount(next);
        }
      }),
    );
  }

  return { durationMs: Date.now() - started, ...tally };
}
