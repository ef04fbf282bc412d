import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { applyAccountBaseline } from '../lib/applyAccountBaseline';
import { authorizeVending } from '../lib/authorizeVending';
import { BaselineChange } from '../lib/BaselineChange';
import { DRY_RUN_ACCOUNT_ID } from '../lib/vendAccount';
import { examples } from './accountBaseline.examples';
import { VendingActionOptions } from './VendingActionOptions';

/**
 * `aws:account:baseline`: applies the SRA account-level settings in an
 * account through a role assumed there.
 *
 * @public
 */
export function createAccountBaselineAction(
  options: Pick<
    VendingActionOptions,
    'clientFactory' | 'settings' | 'permissions'
  >,
) {
  const { clientFactory, settings, permissions } = options;

  return createTemplateAction({
    id: 'aws:account:baseline',
    description:
      'Applies the SRA account-level settings in every governed Region: EBS encryption by default, IMDSv2 required in the instance metadata defaults and S3 account-level Block Public Access. Idempotent; outputs what it changed.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        accountId: z =>
          z
            .string()
            .regex(/^\d{12}$/, 'an account id has 12 digits')
            .describe('The account to baseline'),
        roleName: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe(
              'Role assumed in the account; defaults to awsAccounts.vending.baselineRoleName (AWSControlTowerExecution)',
            ),
        regions: z =>
          z
            .array(z.string().min(1))
            .min(1)
            .optional()
            .describe('Regions to baseline; defaults to awsAccounts.regions'),
      },
      output: {
        changes: z =>
          z
            .array(
              z.object({
                region: z.string(),
                setting: z.string(),
                previous: z.string(),
                current: z.string(),
                changed: z.boolean(),
              }),
            )
            .describe('Every setting checked, and whether it was changed'),
        changed: z =>
          z.boolean().describe('True when at least one setting was changed'),
      },
    },
    async handler(ctx) {
      const { accountId } = ctx.input;
      const roleName = ctx.input.roleName ?? settings.baselineRoleName;
      const regions = ctx.input.regions ?? settings.governedRegions;

      await authorizeVending(
        permissions,
        await ctx.getInitiatorCredentials(),
        'change the settings of AWS accounts',
      );

      if (ctx.isDryRun && accountId === DRY_RUN_ACCOUNT_ID) {
        ctx.logger.info(
          `Dry run: would baseline the new account in ${regions.join(
            ', ',
          )} through ${roleName}`,
        );
        ctx.output('changes', []);
        ctx.output('changed', false);
        return;
      }

      const run = () =>
        applyAccountBaseline({
          clientFactory,
          logger: ctx.logger,
          accountId,
          roleName,
          regions,
          dryRun: ctx.isDryRun,
        });
      const changes: BaselineChange[] = ctx.isDryRun
        ? await run()
        : await ctx.checkpoint({
            key: `baseline-${accountId}-${regions.join('+')}`,
            fn: run,
          });

      ctx.output('changes', changes);
      ctx.output(
        'changed',
        changes.some(change => change.changed),
      );
    },
  });
}
