/**
 * The single sign-on user Account Factory creates or reuses in IAM Identity
 * Center for a new account.
 *
 * @public
 */
export interface SsoUser {
  email: string;
  firstName: string;
  lastName: string;
}

/**
 * An account to vend through Account Factory.
 *
 * @public
 */
export interface AccountRequest {
  accountName: string;
  accountEmail: string;
  /** Organizational unit id, or its name when no other unit has it. */
  organizationalUnit: string;
  ssoUser: SsoUser;
  /**
   * What to do when an account with this name and email already exists in
   * the unit: `fail` (the default) or `reuse` it, so reruns complete
   * without duplicates.
   */
  existingAccount?: 'fail' | 'reuse';
}

/**
 * An account that exists after vending.
 *
 * @public
 */
export interface VendedAccount {
  accountId: string;
  accountName: string;
  accountEmail: string;
  organizationalUnitId: string;
  /** False when an existing account was reused. */
  created: boolean;
  recordId?: string;
  provisionedProductId?: string;
}
