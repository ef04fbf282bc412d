import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createProvisionToken } from '../lib/createProvisionToken';
import { provisionProduct } from '../lib/provisionProduct';
import { resolveProductLaunch } from '../lib/resolveProductLaunch';
import { sanitizeProvisionedProductName } from '../lib/sanitizeProvisionedProductName';
import { taskIteration } from '../lib/taskIteration';
import { examples } from './serviceCatalogProductProvision.examples';
import { VendingActionOptions } from './VendingActionOptions';

const MINUTE_MS = 60 * 1000;

/**
 * `aws:servicecatalog:product:provision`: provisions any Service Catalog
 * product and waits for its record.
 *
 * @public
 */
export function createServiceCatalogProductProvisionAction(
  options: Pick<VendingActionOptions, 'clientFactory' | 'settings'>,
) {
  const { clientFactory, settings } = options;

  return createTemplateAction({
    id: 'aws:servicecatalog:product:provision',
    description:
      'Provisions an AWS Service Catalog product and waits for its record, writing status changes and CloudFormation stack events into the log. A retried or resumed task never provisions twice.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        product: z =>
          z.string().min(1).describe('Product id (prod-...) or exact name'),
        provisioningArtifact: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe(
              "Provisioning artifact id (pa-...) or name; defaults to the product's default one",
            ),
        launchPath: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe(
              'Launch path id (lpv...) or name; defaults to the only launch path',
            ),
        provisionedProductName: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe(
              'Name of the provisioned product; derived from the product name and the task when left out, and sanitized to what AWS accepts',
            ),
        parameters: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe('Provisioning parameters by key'),
        tags: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe('Tags of the provisioned product'),
        accountId: z =>
          z
            .string()
            .regex(/^\d{12}$/)
            .optional()
            .describe(
              'Account that holds the catalog; defaults to the main account',
            ),
        roleName: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe('Role assumed in accountId to call Service Catalog'),
        region: z =>
          z
            .string()
            .min(1)
            .optional()
            .describe('Region of the catalog; defaults to awsAccounts.region'),
        timeoutMinutes: z =>
          z
            .number()
            .positive()
            .optional()
            .describe(
              'How long to wait for the record; defaults to awsAccounts.vending.timeoutMinutes',
            ),
      },
      output: {
        recordId: z => z.string().describe('Service Catalog record id'),
        provisionedProductId: z =>
          z.string().optional().describe('Provisioned product id'),
        status: z => z.string().describe('Final record status'),
        outputs: z =>
          z.record(z.string(), z.string()).describe('Record outputs by key'),
      },
    },
    async handler(ctx) {
      const {
        product,
        provisioningArtifact,
        launchPath,
        accountId,
        roleName,
        timeoutMinutes,
      } = ctx.input;
      const region = ctx.input.region ?? settings.homeRegion;
      const target = { accountId, roleName, region };

      const serviceCatalog = await clientFactory.create(
        ServiceCatalogClient,
        target,
      );
      const launch = await resolveProductLaunch(serviceCatalog, {
        product,
        provisioningArtifact,
        launchPath,
      });
      const provisionedProductName = sanitizeProvisionedProductName(
        ctx.input.provisionedProductName ??
          `${launch.productName}-${ctx.task.id.slice(0, 8)}`,
      );

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would provision ${launch.productName} (${launch.provisioningArtifactName}) as ${provisionedProductName} in ${region}`,
        );
        ctx.output('recordId', 'dry-run');
        ctx.output('status', 'DRY_RUN');
        ctx.output('outputs', {});
        return;
      }

      const cloudFormation = await clientFactory.create(
        CloudFormationClient,
        target,
      );
      const provisionToken = createProvisionToken({
        taskId: ctx.task.id,
        stepId: ctx.step?.id,
        iteration: taskIteration(ctx.each),
        subject: `${launch.productId}/${provisionedProductName}`,
      });
      const result = await provisionProduct({
        serviceCatalog,
        cloudFormation,
        logger: ctx.logger,
        checkpoint: ctx.checkpoint,
        provisionToken,
        launch,
        provisionedProductName,
        parameters: ctx.input.parameters ?? {},
        tags: ctx.input.tags ?? {},
        region,
        timeoutMs: timeoutMinutes
          ? timeoutMinutes * MINUTE_MS
          : settings.timeoutMs,
        polling: settings.polling,
        signal: ctx.signal,
      });

      ctx.output('recordId', result.recordId);
      if (result.provisionedProductId) {
        ctx.output('provisionedProductId', result.provisionedProductId);
      }
      ctx.output('status', result.status);
      ctx.output('outputs', result.outputs);
    },
  });
}
