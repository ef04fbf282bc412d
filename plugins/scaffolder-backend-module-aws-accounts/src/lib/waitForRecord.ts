import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  DescribeRecordCommand,
  RecordDetail,
  RecordOutput,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { LoggerService } from '@backstage/backend-plugin-api';
import { PollingSettings } from '../config/VendingSettings';
import { delay, nextInterval } from './delay';
import { ProvisioningFailedError } from './ProvisioningFailedError';
import { ProvisioningTimeoutError } from './ProvisioningTimeoutError';
import { StackEventReporter } from './StackEventReporter';

/** The record output in which Service Catalog names the product's stack. */
const STACK_ARN_OUTPUT = 'CloudformationStackARN';

/** How a finished record ended. */
export interface RecordResult {
  recordId: string;
  provisionedProductId?: string;
  status: string;
  outputs: Record<string, string>;
}

/** Options of {@link waitForRecord}. */
export interface WaitForRecordOptions {
  serviceCatalog: ServiceCatalogClient;
  /** Reads the events of the product's stack, in the catalog account. */
  cloudFormation: CloudFormationClient;
  recordId: string;
  logger: LoggerService;
  timeoutMs: number;
  polling: PollingSettings;
  region: string;
  signal?: AbortSignal;
}

/**
 * Polls DescribeRecord with backoff until the record succeeds or fails,
 * writing each status change and the stack's events into the task log.
 */
export async function waitForRecord(
  options: WaitForRecordOptions,
): Promise<RecordResult> {
  const { serviceCatalog, recordId, logger, polling, signal } = options;
  const deadline = Date.now() + options.timeoutMs;
  let interval = polling.initialIntervalMs;
  let lastStatus: string | undefined;
  let reporter: StackEventReporter | undefined;

  for (;;) {
    const { detail, outputs } = await describeRecord(serviceCatalog, recordId);
    const status = detail.Status ?? 'UNKNOWN';
    if (status !== lastStatus) {
      logger.info(`Record ${recordId} is ${status}`, { recordId, status });
      lastStatus = status;
    }

    const stackArn = outputs[STACK_ARN_OUTPUT];
    if (stackArn && !reporter) {
      reporter = new StackEventReporter({
        client: options.cloudFormation,
        stack: stackArn,
        logger,
      });
    }
    await reporter?.report();

    if (status === 'SUCCEEDED') {
      return {
        recordId,
        provisionedProductId: detail.ProvisionedProductId,
        status,
        outputs,
      };
    }
    if (status === 'FAILED') {
      throw new ProvisioningFailedError(
        describeFailure(detail, reporter?.failureReasons ?? [], options.region),
      );
    }
    if (Date.now() >= deadline) {
      throw new ProvisioningTimeoutError(
        `Record ${recordId} was still ${status} after ${Math.round(
          options.timeoutMs / 60000,
        )} minutes. It may still finish: look it up in the Service Catalog console (${
          options.region
        }) under Provisioned products > ${
          detail.ProvisionedProductName ?? 'the provisioned product'
        } > Events, and in the CloudFormation stack ${
          stackArn ?? 'of that provisioned product'
        }. Retrying this task waits for the same record instead of provisioning again.`,
      );
    }

    await delay(Math.min(interval, Math.max(deadline - Date.now(), 0)), signal);
    interval = nextInterval(interval, polling.maxIntervalMs);
  }
}

async function describeRecord(
  client: ServiceCatalogClient,
  recordId: string,
): Promise<{ detail: RecordDetail; outputs: Record<string, string> }> {
  let detail: RecordDetail | undefined;
  const recordOutputs: RecordOutput[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.send(
      new DescribeRecordCommand({ Id: recordId, PageToken: pageToken }),
    );
    detail = detail ?? page.RecordDetail;
    recordOutputs.push(...(page.RecordOutputs ?? []));
    pageToken = page.NextPageToken;
  } while (pageToken);

  const outputs: Record<string, string> = {};
  for (const output of recordOutputs) {
    if (output.OutputKey && output.OutputValue !== undefined) {
      outputs[output.OutputKey] = output.OutputValue;
    }
  }
  return { detail: detail ?? { RecordId: recordId }, outputs };
}

function describeFailure(
  detail: RecordDetail,
  stackReasons: string[],
  region: string,
): string {
  const errors = (detail.RecordErrors ?? [])
    .map(e => [e.Code, e.Description].filter(Boolean).join(': '))
    .filter(Boolean);
  const parts = [
    `Record ${detail.RecordId} of ${
      detail.ProvisionedProductName ?? 'the provisioned product'
    } FAILED`,
    errors.length ? `: ${errors.join('; ')}` : '',
    stackReasons.length ? `. Stack: ${stackReasons.join('; ')}` : '',
    `. See the record in the Service Catalog console (${region}) under Provisioned products.`,
  ];
  const hint = explainKnownFailure(errors.join(' '));
  return `${parts.join('')}${hint ? ` ${hint}` : ''}`;
}

/** Turns failures AWS users keep meeting into what to do about them. */
function explainKnownFailure(text: string): string | undefined {
  if (/SSOUser(First|Last)Name|first name|last name/i.test(text)) {
    return 'The SSO user needs a non-empty first and last name.';
  }
  if (/email.*(already|in use|exists)|(already|in use).*email/i.test(text)) {
    return 'The account email is already used by another AWS account; choose an address no account uses.';
  }
  if (/limit|quota|maximum number of accounts/i.test(text)) {
    return 'The organization reached its quota of accounts; request an increase of "Default maximum number of accounts" in Service Quotas (AWS Organizations) in the management account, or close unused accounts.';
  }
  if (/not (enrolled|registered)|organizational unit/i.test(text)) {
    return 'The organizational unit must be registered with Control Tower; register it in the Control Tower console or choose an enrolled one.';
  }
  return undefined;
}
