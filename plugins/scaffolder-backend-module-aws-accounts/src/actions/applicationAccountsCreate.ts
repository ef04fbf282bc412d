import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { authorizeVending } from '../lib/authorizeVending';
import { prefixLogger } from '../lib/prefixLogger';
import { runWithConcurrency } from '../lib/runWithConcurrency';
import {
  EnvironmentAccountResult,
  vendEnvironmentAccount,
} from '../lib/vendEnvironmentAccount';
import { examples } from './applicationAccountsCreate.examples';
import { VendingActionOptions } from './VendingActionOptions';

/**
 * `aws:application-accounts:create`: vends, tags and baselines an
 * application's accounts for several environments in one run.
 *
 * @public
 */
export function createApplicationAccountsCreateAction(
  options: VendingActionOptions,
) {
  const { settings, permissions } = options;

  return createTemplateAction({
    id: 'aws:application-accounts:create',
    description:
      "Vends an application's accounts for several environments, each tagged and baselined, at most awsAccounts.vending.maxConcurrentAccounts at a time. Accounts that already exist are reused, so rerunning after a partial failure completes the rest without duplicates. Needs the aws-accounts.account.create permission.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        application: z =>
          z
            .string()
            .min(1)
            .describe(
              'Application system (payments or system:default/payments)',
            ),
        owner: z =>
          z
            .string()
            .min(1)
            .describe(
              'Owning group (team-payments or group:default/team-payments)',
            ),
        environments: z =>
          z
            .array(z.string().min(1))
            .min(1)
            .describe(
              'Environments to vend, each mapped to a unit in awsAccounts.vending.organizationalUnits',
            ),
        ssoUser: z =>
          z.object({
            email: z.string().min(6),
            firstName: z.string().min(1),
            lastName: z.string().min(1),
          }),
        baseline: z =>
          z
            .boolean()
            .optional()
            .describe('Apply the SRA baseline to each account (default true)'),
        concurrency: z =>
          z
            .number()
            .int()
            .positive()
            .optional()
            .describe(
              'Accounts vended at a time, capped by awsAccounts.vending.maxConcurrentAccounts',
            ),
      },
      output: {
        accounts: z =>
          z
            .array(
              z.object({
                environment: z.string(),
                accountName: z.string(),
                accountEmail: z.string(),
                status: z.enum(['created', 'existing', 'failed']),
                accountId: z.string().optional(),
                error: z.string().optional(),
              }),
            )
            .describe('One entry per environment, in the order given'),
      },
    },
    async handler(ctx) {
      const { application, owner, ssoUser } = ctx.input;
      const environments = [...new Set(ctx.input.environments)];
      const concurrency = Math.min(
        ctx.input.concurrency ?? settings.maxConcurrentAccounts,
        settings.maxConcurrentAccounts,
      );

      await authorizeVending(
        permissions,
        await ctx.getInitiatorCredentials(),
        'create AWS accounts',
      );
      ctx.logger.info(
        `Vending ${environments.length} accounts for ${application}, ${concurrency} at a time`,
      );

      const accounts = await runWithConcurrency(
        environments,
        concurrency,
        environment =>
          vendEnvironmentAccount({
            ...options,
            logger: prefixLogger(ctx.logger, environment),
            checkpoint: ctx.checkpoint,
            taskId: ctx.task.id,
            stepId: ctx.step?.id,
            isDryRun: ctx.isDryRun,
            signal: ctx.signal,
            application,
            owner,
            environment,
            ssoUser,
            baseline: ctx.input.baseline ?? true,
          }),
      );

      ctx.output('accounts', accounts);
      const failed = accounts.filter(a => a.status === 'failed');
      if (failed.length > 0) {
        throw new ConflictError(describePartialFailure(accounts, failed));
      }
    },
  });
}

function describePartialFailure(
  accounts: EnvironmentAccountResult[],
  failed: EnvironmentAccountResult[],
): string {
  const existing = accounts
    .filter(a => a.accountId)
    .map(a => `${a.environment} (${a.accountId})`);
  const missing = accounts.filter(a => !a.accountId).map(a => a.environment);
  return [
    `${failed.length} of ${accounts.length} environments did not finish.`,
    `Accounts that exist: ${existing.join(', ') || 'none'}.`,
    `Accounts that do not exist: ${missing.join(', ') || 'none'}.`,
    `Problems: ${failed.map(a => `${a.environment}: ${a.error}`).join(' | ')}.`,
    'Run the template again with the same values: existing accounts are reused and only the missing ones are created.',
  ].join(' ');
}
