import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { awsAccountsAccountCreatePermission } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * Checks that the task's initiator holds `aws-accounts.account.create`.
 */
export async function authorizeVending(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  what: string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: awsAccountsAccountCreatePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to ${what}: it needs the permission ${awsAccountsAccountCreatePermission.name}. Ask your platform team to grant it.`,
    );
  }
}
