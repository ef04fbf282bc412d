import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { authorizeVending } from '../lib/authorizeVending';
import { completeAccountRequest } from '../lib/completeAccountRequest';
import { taskIteration } from '../lib/taskIteration';
import { vendAccount } from '../lib/vendAccount';
import { examples } from './accountCreate.examples';
import { VendingActionOptions } from './VendingActionOptions';

/**
 * `aws:account:create`: vends an account through Control Tower Account
 * Factory.
 *
 * @public
 */
export function createAccountCreateAction(
  options: Pick<
    VendingActionOptions,
    'clientFactory' | 'organizationReader' | 'settings' | 'permissions'
  >,
) {
  const { clientFactory, organizationReader, settings, permissions } = options;

  return createTemplateAction({
    id: 'aws:account:create',
    description:
      'Creates an AWS account through Control Tower Account Factory after checking the request against the organization; waits while Account Factory is busy. Needs the aws-accounts.account.create permission.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        accountName: z =>
          z
            .string()
            .max(50)
            .optional()
            .describe(
              'Account name, 1 to 50 characters; defaults to awsAccounts.vending.accountNamePattern',
            ),
        accountEmail: z =>
          z
            .string()
            .max(64)
            .optional()
            .describe(
              'Root email of the account, unused by any other account; defaults to awsAccounts.vending.accountEmailPattern',
            ),
        organizationalUnit: z =>
          z
            .string()
            .optional()
            .describe(
              "Organizational unit id (ou-...), or its name when no other unit has it; must be registered with Control Tower. Defaults to the environment's unit in awsAccounts.vending.organizationalUnits",
            ),
        application: z =>
          z
            .string()
            .optional()
            .describe(
              'Application system (payments or system:default/payments), for the name and email patterns',
            ),
        environment: z =>
          z
            .string()
            .optional()
            .describe(
              'Environment (prod, staging, dev), for the patterns and the default unit',
            ),
        ssoUser: z =>
          z
            .object({
              email: z.string().min(6).describe('Email of the SSO user'),
              firstName: z.string().min(1).describe('First name'),
              lastName: z.string().min(1).describe('Last name'),
            })
            .describe('IAM Identity Center user given access to the account'),
        validateOnly: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Only check the request against the organization and Account Factory; create nothing',
            ),
        existingAccount: z =>
          z
            .enum(['fail', 'reuse'])
            .optional()
            .describe(
              'When an account with this name and email already exists in the unit: fail (default) or reuse it',
            ),
      },
      output: {
        accountId: z =>
          z
            .string()
            .optional()
            .describe('Id of the account; not set when only validating'),
        accountName: z => z.string(),
        accountEmail: z => z.string(),
        organizationalUnitId: z => z.string(),
        created: z =>
          z.boolean().describe('False when an existing account was reused'),
        recordId: z => z.string().optional(),
        provisionedProductId: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      await authorizeVending(
        permissions,
        await ctx.getInitiatorCredentials(),
        'create AWS accounts',
      );

      const account = await vendAccount({
        clientFactory,
        organizationReader,
        settings,
        logger: ctx.logger,
        checkpoint: ctx.checkpoint,
        taskId: ctx.task.id,
        stepId: ctx.step?.id,
        iteration: taskIteration(ctx.each),
        isDryRun: ctx.isDryRun || ctx.input.validateOnly,
        signal: ctx.signal,
        request: completeAccountRequest(ctx.input, settings),
      });

      if (!ctx.input.validateOnly) {
        ctx.output('accountId', account.accountId);
      }
      ctx.output('accountName', account.accountName);
      ctx.output('accountEmail', account.accountEmail);
      ctx.output('organizationalUnitId', account.organizationalUnitId);
      ctx.output('created', account.created);
      if (account.recordId) {
        ctx.output('recordId', account.recordId);
      }
      if (account.provisionedProductId) {
        ctx.output('provisionedProductId', account.provisionedProductId);
      }
    },
  });
}
