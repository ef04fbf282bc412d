import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readFile } from 'node:fs/promises';
import {
  assumeRoleDeniedError,
  isAssumeRoleDenied,
} from '../lib/assumeRoleDenied';
import { createProvisionToken } from '../lib/createProvisionToken';
import {
  checkTemplateBodySize,
  deployStack,
  StackTemplate,
} from '../lib/deployStack';
import { taskIteration } from '../lib/taskIteration';
import { examples } from './cloudFormationStackDeploy.examples';
import { VendingActionOptions } from './VendingActionOptions';

const MINUTE_MS = 60 * 1000;
const STACK_NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;

/**
 * `aws:cloudformation:stack:deploy`: creates or updates a CloudFormation
 * stack and waits for it.
 *
 * @public
 */
export function createCloudFormationStackDeployAction(
  options: Pick<VendingActionOptions, 'clientFactory' | 'settings'>,
) {
  const { clientFactory, settings } = options;

  return createTemplateAction({
    id: 'aws:cloudformation:stack:deploy',
    description:
      'Creates or updates a CloudFormation stack from a template in the task workspace or an S3 URL, waits for it with its events in the log, and outputs the stack outputs.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        stackName: z =>
          z
            .string()
            .regex(
              STACK_NAME_PATTERN,
              'a stack name starts with a letter and has letters, digits and hyphens, at most 128',
            )
            .describe('Name of the stack'),
        templatePath: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe('Template file, relative to the task workspace'),
        templateUrl: z =>
          z
            .string()
            .url()
            .optional()
            .describe(
              'S3 URL of the template, for templates over 51,200 bytes',
            ),
        parameters: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe('Stack parameters by key'),
        capabilities: z =>
          z
            .array(
              z.enum([
                'CAPABILITY_IAM',
                'CAPABILITY_NAMED_IAM',
                'CAPABILITY_AUTO_EXPAND',
              ]),
            )
            .optional()
            .describe('Capabilities the template needs'),
        tags: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe('Tags of the stack, passed on to its resources'),
        accountId: z =>
          z
            .string()
            .regex(/^\d{12}$/, 'an account id has 12 digits')
            .optional()
            .describe('Account to deploy into; defaults to the main account'),
        roleName: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe(
              'Role assumed in accountId; without it, the aws integration config decides',
            ),
        region: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe('Region of the stack; defaults to awsAccounts.region'),
        timeoutMinutes: z =>
          z
            .number()
            .positive()
            .optional()
            .describe(
              'How long to wait; defaults to awsAccounts.vending.timeoutMinutes',
            ),
      },
      output: {
        stackId: z => z.string().describe('Stack id (ARN)'),
        status: z => z.string().describe('Final stack status'),
        outputs: z =>
          z.record(z.string(), z.string()).describe('Stack outputs by key'),
      },
    },
    async handler(ctx) {
      const { stackName, templatePath, templateUrl, accountId, roleName } =
        ctx.input;
      const region = ctx.input.region ?? settings.homeRegion;
      const location = `${accountId ?? 'the main account'}/${region}`;

      const template = await readTemplate(
        ctx.workspacePath,
        templatePath,
        templateUrl,
      );

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would deploy stack ${stackName} in ${location}`,
        );
        ctx.output('stackId', 'dry-run');
        ctx.output('status', 'DRY_RUN');
        ctx.output('outputs', {});
        return;
      }

      const client = await clientFactory.create(CloudFormationClient, {
        accountId,
        roleName,
        region,
      });
      const requestToken = createProvisionToken({
        taskId: ctx.task.id,
        stepId: ctx.step?.id,
        iteration: taskIteration(ctx.each),
        subject: `stack/${location}/${stackName}`,
      });
      try {
        const stack = await deployStack({
          client,
          logger: ctx.logger,
          checkpoint: ctx.checkpoint,
          requestToken,
          stackName,
          template,
          parameters: ctx.input.parameters ?? {},
          capabilities: ctx.input.capabilities ?? [],
          tags: ctx.input.tags ?? {},
          location,
          timeoutMs: ctx.input.timeoutMinutes
            ? ctx.input.timeoutMinutes * MINUTE_MS
            : settings.timeoutMs,
          polling: settings.polling,
          signal: ctx.signal,
        });
        ctx.output('stackId', stack.stackId);
        ctx.output('status', stack.status);
        ctx.output('outputs', stack.outputs);
      } catch (error) {
        if (accountId && roleName && isAssumeRoleDenied(error)) {
          throw assumeRoleDeniedError(accountId, roleName, error as Error);
        }
        throw error;
      }
    },
  });
}

async function readTemplate(
  workspacePath: string,
  templatePath: string | undefined,
  templateUrl: string | undefined,
): Promise<StackTemplate> {
  if (Boolean(templatePath) === Boolean(templateUrl)) {
    throw new InputError(
      'Give exactly one of templatePath (a file in the task workspace) and templateUrl (an S3 URL)',
    );
  }
  if (templateUrl) {
    return { url: templateUrl };
  }

  const path = resolveSafeChildPath(workspacePath, templatePath!);
  let body: string;
  try {
    body = await readFile(path, 'utf8');
  } catch (error) {
    throw new NotFoundError(
      `Template ${templatePath} is not in the task workspace; fetch it first, for example with fetch:plain:file`,
      error,
    );
  }
  checkTemplateBodySize(templatePath!, body);
  return { body };
}
