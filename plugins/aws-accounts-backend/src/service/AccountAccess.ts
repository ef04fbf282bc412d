import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  awsAccountsPostureReadPermission,
  awsAccountsPostureRefreshPermission,
} from '@sra-backstage/plugin-aws-accounts-common';
import { AccountRecord, AccountStore } from '../database/AccountStore';

/**
 * Decides which accounts a caller may read or refresh. The resource is the
 * catalog entity of the account, so a policy can use the catalog's
 * conditional rules (such as "is entity owner"); the catalog evaluates them
 * for the entity refs passed here.
 */
export class AccountAccess {
  static create(options: {
    permissions: PermissionsService;
    accounts: AccountStore;
  }): AccountAccess {
    return new AccountAccess(options.permissions, options.accounts);
  }

  private constructor(
    private readonly permissions: PermissionsService,
    private readonly accounts: AccountStore,
  ) {}

  /**
   * The accounts the caller may read. One unconditional decision answers
   * for all accounts when the policy gives one; a conditional decision is
   * evaluated per entity in a single batch.
   */
  async filterReadable(
    credentials: BackstageCredentials,
    accounts: AccountRecord[],
  ): Promise<AccountRecord[]> {
    if (accounts.length === 0) {
      return [];
    }
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: awsAccountsPostureReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return accounts;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return [];
    }
    const decisions = await this.permissions.authorize(
      accounts.map(account => ({
        permission: awsAccountsPostureReadPermission,
        resourceRef: account.entityRef,
      })),
      { credentials },
    );
    return accounts.filter(
      (_account, index) => decisions[index]?.result === AuthorizeResult.ALLOW,
    );
  }

  /**
   * The account, when it exists and the caller may read it. An account the
   * caller may not read answers exactly like one that does not exist.
   */
  async requireReadable(
    credentials: BackstageCredentials,
    accountId: string,
  ): Promise<AccountRecord> {
    const account = await this.accounts.get(accountId);
    if (account) {
      const [decision] = await this.permissions.authorize(
        [
          {
            permission: awsAccountsPostureReadPermission,
            resourceRef: account.entityRef,
          },
        ],
        { credentials },
      );
      if (decision.result === AuthorizeResult.ALLOW) {
        return account;
      }
    }
    throw new NotFoundError(
      `No AWS account ${accountId} that you may read; check the account id, that its catalog entity carries the amazonaws.com/account-id annotation, and that you own the account`,
    );
  }

  /** Throws 403 unless the caller may refresh the (readable) account. */
  async requireRefreshable(
    credentials: BackstageCredentials,
    account: AccountRecord,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [
        {
          permission: awsAccountsPostureRefreshPermission,
          resourceRef: account.entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may read AWS account ${account.accountId} but not refresh its posture (permission aws-accounts.posture.refresh)`,
      );
    }
  }
}
