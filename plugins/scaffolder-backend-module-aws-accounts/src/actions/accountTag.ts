import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { authorizeVending } from '../lib/authorizeVending';
import { ownershipTags, tagAccount } from '../lib/tagAccount';
import { DRY_RUN_ACCOUNT_ID } from '../lib/vendAccount';
import { examples } from './accountTag.examples';
import { VendingActionOptions } from './VendingActionOptions';

/**
 * `aws:account:tag`: sets the owner, application and environment tags the
 * catalog provider maps to the account entity, and asks it to refresh.
 *
 * @public
 */
export function createAccountTagAction(
  options: Pick<
    VendingActionOptions,
    'clientFactory' | 'settings' | 'permissions' | 'events'
  >,
) {
  const { clientFactory, settings, permissions, events } = options;

  return createTemplateAction({
    id: 'aws:account:tag',
    description:
      'Sets the owner, application and environment tags on an AWS account in Organizations and asks the catalog provider to read the organization again right away.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        accountId: z =>
          z
            .string()
            .regex(/^\d{12}$/, 'an account id has 12 digits')
            .describe('The account to tag'),
        owner: z =>
          z
            .string()
            .min(1)
            .describe(
              'Owning group, as a name (team-payments) or reference (group:default/team-payments)',
            ),
        application: z =>
          z
            .string()
            .min(1)
            .describe(
              'Application system, as a name (payments) or reference (system:default/payments)',
            ),
        environment: z =>
          z.string().min(1).describe('Environment, for example prod or dev'),
        tags: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe('More tags to set on the account'),
      },
      output: {
        tags: z =>
          z.record(z.string(), z.string()).describe('The tags that were set'),
      },
    },
    async handler(ctx) {
      const { accountId } = ctx.input;
      const tags = ownershipTags(ctx.input);

      await authorizeVending(
        permissions,
        await ctx.getInitiatorCredentials(),
        'tag AWS accounts',
      );

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would tag account ${
            accountId === DRY_RUN_ACCOUNT_ID ? '(new)' : accountId
          } with ${Object.keys(tags).join(', ')}`,
        );
        ctx.output('tags', tags);
        return;
      }

      await tagAccount({
        clientFactory,
        settings,
        events,
        logger: ctx.logger,
        accountId,
        tags,
      });
      ctx.output('tags', tags);
    },
  });
}
