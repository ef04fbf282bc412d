import type { SandboxState } from '../../state/SandboxState';
import { resourceId } from '../../seed/resourceId';
import { parseManagedOrganizationalUnit } from './accountFactoryParameters';
import { ProvisionedProduct, ProvisioningRecord } from './ServiceCatalogState';

/**
 * Finishes a provisioning record whose time has come: a failure decided
 * at request time (or an email taken in the meantime) makes it FAILED with
 * RecordErrors; otherwise Account Factory creates the account in its OU and
 * the record SUCCEEDS with the outputs Control Tower reports.
 */
export function completeRecord(
  state: SandboxState,
  record: ProvisioningRecord,
  product: ProvisionedProduct,
  now: number,
) {
  const catalogProduct = state.serviceCatalog.product(record.productId);
  if (record.type === 'TERMINATE_PROVISIONED_PRODUCT') {
    record.status = 'SUCCEEDED';
    state.serviceCatalog.provisionedProducts.delete(product.id);
    return;
  }
  let failure = record.injectedFailure;
  if (
    !failure &&
    catalogProduct?.isAccountFactory &&
    state.organization.emailInUse(record.parameters.AccountEmail ?? '')
  ) {
    failure = `AccountEmail: an account with the email ${record.parameters.AccountEmail} already exists in the organization; choose another email address.`;
  }

  if (failure) {
    record.status = 'FAILED';
    record.errors = [{ Code: 'ProvisioningFailed', Description: failure }];
    product.status = 'ERROR';
    product.statusMessage = failure;
    return;
  }

  const stackOutput = product.stackId
    ? [
        {
          OutputKey: 'CloudformationStackARN',
          OutputValue: product.stackId,
          Description: 'The ARN of the launched CloudFormation stack',
        },
      ]
    : [];
  if (catalogProduct?.isAccountFactory) {
    const unit = parseManagedOrganizationalUnit(
      record.parameters.ManagedOrganizationalUnit ?? '',
    );
    const accountId = state.vendAccount(
      record.parameters.AccountName,
      record.parameters.AccountEmail,
      unit?.id ?? state.organization.rootId,
      now,
    );
    record.outputs = [
      {
        OutputKey: 'AccountId',
        OutputValue: accountId,
        Description: 'The ID of the account',
      },
      {
        OutputKey: 'AccountEmail',
        OutputValue: record.parameters.AccountEmail,
        Description: 'The email of the account',
      },
      {
        OutputKey: 'SSOUserEmail',
        OutputValue: record.parameters.SSOUserEmail,
        Description: 'The email of the IAM Identity Center user',
      },
      ...stackOutput,
    ];
  } else {
    record.outputs = [
      {
        OutputKey: 'VpcId',
        OutputValue: resourceId('vpc', product.id),
        Description: 'The VPC',
      },
      ...stackOutput,
    ];
  }
  record.status = 'SUCCEEDED';
  product.status = 'AVAILABLE';
  product.statusMessage = undefined;
  product.lastSuccessfulProvisioningRecordId = record.id;
}
