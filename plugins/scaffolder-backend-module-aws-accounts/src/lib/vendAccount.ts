import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  AwsClientFactory,
  matchAccount,
  OrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import { VendingSettings } from '../config/VendingSettings';
import { findOrganizationalUnit } from '../organization/findOrganizationalUnit';
import { AccountRequest, VendedAccount } from './AccountRequest';
import { Checkpoint } from './Checkpoint';
import { createProvisionToken } from './createProvisionToken';
import { provisionProduct } from './provisionProduct';
import { resolveProductLaunch } from './resolveProductLaunch';
import { sanitizeProvisionedProductName } from './sanitizeProvisionedProductName';
import { validateAccountRequest } from './validateAccountRequest';

/** The account id printed by dry runs, where no account is created. */
export const DRY_RUN_ACCOUNT_ID = '000000000000';

/** Options of {@link vendAccount}. */
export interface VendAccountOptions {
  clientFactory: AwsClientFactory;
  organizationReader: OrganizationReader;
  settings: VendingSettings;
  logger: LoggerService;
  checkpoint: Checkpoint;
  taskId: string;
  stepId?: string;
  iteration?: string;
  isDryRun?: boolean;
  signal?: AbortSignal;
  request: AccountRequest;
}

/** What the validation step decided, stored in a checkpoint. */
type ValidatedRequest = {
  organizationalUnit: { id: string; name: string };
  existingAccountId?: string;
};

/**
 * Vends one account through Account Factory: validates the request against
 * the organization, provisions the product and finds the new account id.
 * The validation result and the record id are checkpointed, so a resumed
 * task neither trips over its own half-created account nor asks twice.
 */
export async function vendAccount(
  options: VendAccountOptions,
): Promise<VendedAccount> {
  const { clientFactory, settings, logger, request } = options;
  validateAccountRequest(request);

  const homeTarget = { region: settings.homeRegion };
  const reader = options.organizationReader;
  const provisionToken = createProvisionToken({
    taskId: options.taskId,
    stepId: options.stepId,
    iteration: options.iteration,
    subject: `account/${request.accountEmail.toLocaleLowerCase('en-US')}`,
  });

  const validated = await options.checkpoint<ValidatedRequest>({
    key: `validated-${provisionToken}`,
    fn: () => validateAgainstOrganization(reader, settings, logger, request),
  });
  const ou = validated.organizationalUnit;
  const base = {
    accountName: request.accountName,
    accountEmail: request.accountEmail,
    organizationalUnitId: ou.id,
  };
  if (validated.existingAccountId) {
    logger.info(
      `Account ${request.accountName} already exists as ${validated.existingAccountId} in ${ou.name}; reusing it`,
      { accountId: validated.existingAccountId },
    );
    return { ...base, accountId: validated.existingAccountId, created: false };
  }

  const serviceCatalog = await clientFactory.create(
    ServiceCatalogClient,
    homeTarget,
  );
  const factory = settings.accountFactory;
  const launch = await resolveProductLaunch(serviceCatalog, {
    product: factory.productId ?? factory.productName,
    provisioningArtifact: factory.provisioningArtifactId,
    launchPath: factory.launchPathId,
  });

  if (options.isDryRun) {
    logger.info(
      `Checked: account ${request.accountName} (${request.accountEmail}) can be created in ${ou.name} (${ou.id}) with ${launch.productName}`,
    );
    return { ...base, accountId: DRY_RUN_ACCOUNT_ID, created: false };
  }

  const cloudFormation = await clientFactory.create(
    CloudFormationClient,
    homeTarget,
  );
  const record = await provisionProduct({
    serviceCatalog,
    cloudFormation,
    logger,
    checkpoint: options.checkpoint,
    provisionToken,
    launch,
    provisionedProductName: sanitizeProvisionedProductName(request.accountName),
    parameters: {
      AccountName: request.accountName,
      AccountEmail: request.accountEmail,
      ManagedOrganizationalUnit: `${ou.name} (${ou.id})`,
      SSOUserEmail: request.ssoUser.email,
      SSOUserFirstName: request.ssoUser.firstName.trim(),
      SSOUserLastName: request.ssoUser.lastName.trim(),
    },
    tags: {},
    region: settings.homeRegion,
    timeoutMs: settings.timeoutMs,
    polling: settings.polling,
    busyRetry: settings.busyRetry,
    signal: options.signal,
  });

  const accountId =
    record.outputs.AccountId ??
    (await reader.findAccount({ email: request.accountEmail }))?.id;
  if (!accountId) {
    throw new NotFoundError(
      `Record ${record.recordId} succeeded but account ${request.accountName} (${request.accountEmail}) is not in the organization; check the provisioned product in the Service Catalog console (${settings.homeRegion})`,
    );
  }
  logger.info(`Account ${request.accountName} is ${accountId}`, {
    accountId,
    recordId: record.recordId,
  });
  return {
    ...base,
    accountId,
    created: true,
    recordId: record.recordId,
    provisionedProductId: record.provisionedProductId,
  };
}

async function validateAgainstOrganization(
  reader: OrganizationReader,
  settings: VendingSettings,
  logger: LoggerService,
  request: AccountRequest,
): Promise<ValidatedRequest> {
  const organization = await reader.readOrganization({ includeTags: false });
  const unit = findOrganizationalUnit(organization, request.organizationalUnit);
  const ou = { id: unit.id, name: unit.name };
  const configured = Object.values(settings.organizationalUnits);
  if (configured.length > 0 && !configured.includes(ou.id)) {
    logger.warn(
      `Organizational unit ${ou.name} (${ou.id}) is not one of awsAccounts.vending.organizationalUnits; Account Factory accepts it only if it is registered with Control Tower`,
      { organizationalUnitId: ou.id },
    );
  }

  const { accounts } = organization;
  const sameEmail = matchAccount(accounts, { email: request.accountEmail });
  const sameName = matchAccount(accounts, { name: request.accountName });

  if (
    request.existingAccount === 'reuse' &&
    sameEmail &&
    sameEmail === sameName
  ) {
    if (sameEmail.organizationalUnitId !== ou.id) {
      throw new ConflictError(
        `Account ${sameEmail.name} (${sameEmail.id}) already exists but in ${sameEmail.organizationalUnitPath}, not in ${ou.name} (${ou.id}); move it in AWS Organizations or choose its unit`,
      );
    }
    return { organizationalUnit: ou, existingAccountId: sameEmail.id };
  }
  if (sameEmail) {
    throw new ConflictError(
      `The email ${request.accountEmail} is already used by account ${sameEmail.name} (${sameEmail.id}); every AWS account needs its own email address, choose another one`,
    );
  }
  if (sameName) {
    throw new ConflictError(
      `The organization already has an account named ${sameName.name} (${sameName.id}); choose another account name`,
    );
  }
  return { organizationalUnit: ou };
}
