import {
  Capability,
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  Stack,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { PollingSettings } from '../config/VendingSettings';
import { Checkpoint } from './Checkpoint';
import { delay, nextInterval } from './delay';
import { ProvisioningFailedError } from './ProvisioningFailedError';
import { ProvisioningTimeoutError } from './ProvisioningTimeoutError';
import { StackEventReporter } from './StackEventReporter';

/** Where the template comes from: its text, or an S3 URL. */
export type StackTemplate = { body: string } | { url: string };

/** Options of {@link deployStack}. */
export interface DeployStackOptions {
  client: CloudFormationClient;
  logger: LoggerService;
  checkpoint: Checkpoint;
  /** Idempotency token of the create or update request. */
  requestToken: string;
  stackName: string;
  template: StackTemplate;
  parameters: Record<string, string>;
  capabilities: Capability[];
  tags: Record<string, string>;
  /** Account and Region, for messages. */
  location: string;
  timeoutMs: number;
  polling: PollingSettings;
  signal?: AbortSignal;
}

/** The stack once it has settled. */
export interface DeployedStack {
  stackId: string;
  status: string;
  outputs: Record<string, string>;
}

type StackRequest = {
  stackId: string;
  operation: 'CREATE' | 'UPDATE' | 'NONE';
};

/**
 * Creates the stack, or updates it when it exists, and waits until it
 * settles, writing its events into the task log. The request is
 * checkpointed, so a resumed task waits for the stack it already asked for.
 */
export async function deployStack(
  options: DeployStackOptions,
): Promise<DeployedStack> {
  const started = new Date();
  const request = await options.checkpoint<StackRequest>({
    key: `stack-${options.requestToken}`,
    fn: () => requestDeployment(options),
  });
  if (request.operation === 'NONE') {
    options.logger.info(`Stack ${options.stackName} is already up to date`);
  }
  return waitForStack(options, request.stackId, started);
}

async function requestDeployment(
  options: DeployStackOptions,
): Promise<StackRequest> {
  const { client, stackName, logger } = options;
  const existing = await describeStack(client, stackName);
  const parameters = Object.entries(options.parameters).map(
    ([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }),
  );
  const tags = Object.entries(options.tags).map(([Key, Value]) => ({
    Key,
    Value,
  }));
  // Empty lists are left out: the Query protocol would send them as an
  // empty value, which is not a list.
  const common = {
    StackName: stackName,
    ...('body' in options.template
      ? { TemplateBody: options.template.body }
      : { TemplateURL: options.template.url }),
    ...(parameters.length > 0 && { Parameters: parameters }),
    ...(options.capabilities.length > 0 && {
      Capabilities: options.capabilities,
    }),
    ...(tags.length > 0 && { Tags: tags }),
    ClientRequestToken: options.requestToken,
  };

  if (!existing || existing.StackStatus === 'DELETE_COMPLETE') {
    const response = await client.send(new CreateStackCommand(common));
    logger.info(`Creating stack ${stackName} in ${options.location}`, {
      stackId: response.StackId,
    });
    return { stackId: response.StackId!, operation: 'CREATE' };
  }

  const status = existing.StackStatus ?? '';
  if (status.endsWith('_IN_PROGRESS')) {
    logger.info(`Stack ${stackName} is ${status}; waiting for it`);
    return { stackId: existing.StackId!, operation: 'NONE' };
  }
  if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED') {
    throw new ConflictError(
      `Stack ${stackName} in ${options.location} is ${status} after a failed creation and cannot be updated; delete it in the CloudFormation console and run the task again`,
    );
  }

  try {
    const response = await client.send(new UpdateStackCommand(common));
    logger.info(`Updating stack ${stackName} in ${options.location}`, {
      stackId: response.StackId,
    });
    return { stackId: response.StackId!, operation: 'UPDATE' };
  } catch (error) {
    if (/No updates are to be performed/i.test((error as Error).message)) {
      return { stackId: existing.StackId!, operation: 'NONE' };
    }
    throw error;
  }
}

async function waitForStack(
  options: DeployStackOptions,
  stackId: string,
  since: Date,
): Promise<DeployedStack> {
  const { client, logger, polling } = options;
  const reporter = new StackEventReporter({
    client,
    stack: stackId,
    logger,
    since,
  });
  const deadline = Date.now() + options.timeoutMs;
  let interval = polling.initialIntervalMs;
  let lastStatus: string | undefined;

  for (;;) {
    const stack = await describeStack(client, stackId);
    const status = stack?.StackStatus ?? 'UNKNOWN';
    if (status !== lastStatus) {
      logger.info(`Stack ${options.stackName} is ${status}`, { stackId });
      lastStatus = status;
    }
    await reporter.report();

    if (status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE') {
      const outputs: Record<string, string> = {};
      for (const output of stack?.Outputs ?? []) {
        if (output.OutputKey && output.OutputValue !== undefined) {
          outputs[output.OutputKey] = output.OutputValue;
        }
      }
      return { stackId, status, outputs };
    }
    if (!status.endsWith('_IN_PROGRESS')) {
      const reasons = reporter.failureReasons;
      throw new ProvisioningFailedError(
        `Stack ${options.stackName} in ${options.location} ended ${status}${
          stack?.StackStatusReason ? ` (${stack.StackStatusReason})` : ''
        }${
          reasons.length ? `: ${reasons.join('; ')}` : ''
        }. See the stack's Events tab in the CloudFormation console.`,
      );
    }
    if (Date.now() >= deadline) {
      throw new ProvisioningTimeoutError(
        `Stack ${options.stackName} in ${
          options.location
        } was still ${status} after ${Math.round(
          options.timeoutMs / 60000,
        )} minutes; follow it in the CloudFormation console (stack ${stackId}). Retrying this task waits for the same stack.`,
      );
    }
    await delay(
      Math.min(interval, Math.max(deadline - Date.now(), 0)),
      options.signal,
    );
    interval = nextInterval(interval, polling.maxIntervalMs);
  }
}

async function describeStack(
  client: CloudFormationClient,
  stackName: string,
): Promise<Stack | undefined> {
  try {
    const response = await client.send(
      new DescribeStacksCommand({ StackName: stackName }),
    );
    return response.Stacks?.[0];
  } catch (error) {
    if (/does not exist/i.test((error as Error).message)) {
      return undefined;
    }
    throw error;
  }
}

/** CloudFormation takes at most this many bytes of template text. */
export const MAX_TEMPLATE_BODY_BYTES = 51200;

/** Throws when the template text is too large to send inline. */
export function checkTemplateBodySize(path: string, body: string): void {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_TEMPLATE_BODY_BYTES) {
    throw new InputError(
      `Template ${path} has ${bytes} bytes, more than the ${MAX_TEMPLATE_BODY_BYTES} CloudFormation accepts inline; upload it to S3 and give templateUrl instead`,
    );
  }
}
