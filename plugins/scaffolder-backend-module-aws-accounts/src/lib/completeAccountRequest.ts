import { InputError } from '@backstage/errors';
import { VendingSettings } from '../config/VendingSettings';
import { AccountRequest, SsoUser } from './AccountRequest';
import { entityNameForTag } from './entityNameForTag';

/**
 * An account request as a form gives it: the name, email and unit may be
 * left out when the application and environment are known.
 */
export interface PartialAccountRequest {
  accountName?: string;
  accountEmail?: string;
  organizationalUnit?: string;
  application?: string;
  environment?: string;
  ssoUser: SsoUser;
  existingAccount?: 'fail' | 'reuse';
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills in what the form left out from the configured patterns and the
 * environment's organizational unit.
 */
export function completeAccountRequest(
  partial: PartialAccountRequest,
  settings: VendingSettings,
): AccountRequest {
  const { environment } = partial;
  const application = partial.application
    ? entityNameForTag('application', partial.application, 'system')
    : undefined;
  const values = { application, environment };

  const accountName =
    partial.accountName ||
    renderPattern(
      'accountName',
      'awsAccounts.vending.accountNamePattern',
      settings.accountNamePattern,
      values,
    );
  const accountEmail =
    partial.accountEmail ||
    renderPattern(
      'accountEmail',
      'awsAccounts.vending.accountEmailPattern',
      settings.accountEmailPattern,
      { ...values, accountName },
    );
  const organizationalUnit =
    partial.organizationalUnit || unitOfEnvironment(environment, settings);

  return {
    accountName,
    accountEmail,
    organizationalUnit,
    ssoUser: partial.ssoUser,
    existingAccount: partial.existingAccount,
  };
}

function renderPattern(
  field: string,
  setting: string,
  pattern: string | undefined,
  values: Record<string, string | undefined>,
): string {
  if (!pattern) {
    throw new InputError(
      `${field} is empty and ${setting} is not set; give ${field} or configure the pattern`,
    );
  }
  return pattern.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (!value) {
      throw new InputError(
        `${field} is empty and ${setting} ("${pattern}") needs {${name}}; give ${field} or ${name}`,
      );
    }
    return value;
  });
}

function unitOfEnvironment(
  environment: string | undefined,
  settings: VendingSettings,
): string {
  const known = Object.keys(settings.organizationalUnits);
  if (!environment) {
    throw new InputError(
      'organizationalUnit is empty and no environment was given; give one of them',
    );
  }
  const ouId = settings.organizationalUnits[environment];
  if (!ouId) {
    throw new InputError(
      `Environment "${environment}" has no organizational unit in awsAccounts.vending.organizationalUnits (known: ${
        known.join(', ') || 'none'
      }); choose a known environment or give organizationalUnit`,
    );
  }
  return ouId;
}
