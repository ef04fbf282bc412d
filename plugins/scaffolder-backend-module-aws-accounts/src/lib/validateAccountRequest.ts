import { InputError } from '@backstage/errors';
import { AccountRequest } from './AccountRequest';

const MAX_ACCOUNT_NAME_LENGTH = 50;
const ACCOUNT_NAME_PATTERN = /^[\u0020-\u007E]+$/;
const MIN_EMAIL_LENGTH = 6;
const MAX_EMAIL_LENGTH = 64;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks an account request the way Organizations and Account Factory do,
 * before anything is sent to AWS, and lists every problem at once.
 */
export function validateAccountRequest(request: AccountRequest): void {
  const problems: string[] = [];
  const { accountName, accountEmail, ssoUser } = request;

  if (
    accountName.length < 1 ||
    accountName.length > MAX_ACCOUNT_NAME_LENGTH ||
    accountName.trim() !== accountName
  ) {
    problems.push(
      `account name "${accountName}" must be 1 to ${MAX_ACCOUNT_NAME_LENGTH} characters without leading or trailing spaces (it has ${accountName.length})`,
    );
  } else if (!ACCOUNT_NAME_PATTERN.test(accountName)) {
    problems.push(
      `account name "${accountName}" may only contain printable ASCII characters`,
    );
  }
  if (!isEmail(accountEmail)) {
    problems.push(
      `account email "${accountEmail}" is not an email address of ${MIN_EMAIL_LENGTH} to ${MAX_EMAIL_LENGTH} characters`,
    );
  }
  if (!ssoUser.firstName.trim()) {
    problems.push(
      'SSO user first name is empty; Account Factory needs a first name for the IAM Identity Center user',
    );
  }
  if (!ssoUser.lastName.trim()) {
    problems.push(
      'SSO user last name is empty; Account Factory needs a last name for the IAM Identity Center user',
    );
  }
  if (!isEmail(ssoUser.email)) {
    problems.push(`SSO user email "${ssoUser.email}" is not an email address`);
  }
  if (!request.organizationalUnit.trim()) {
    problems.push('organizational unit is empty; give its id or its name');
  }

  if (problems.length > 0) {
    throw new InputError(
      `The account request is not valid: ${problems.join(
        '; ',
      )}. Correct the form and try again.`,
    );
  }
}

function isEmail(value: string): boolean {
  return (
    value.length >= MIN_EMAIL_LENGTH &&
    value.length <= MAX_EMAIL_LENGTH &&
    EMAIL_PATTERN.test(value)
  );
}
