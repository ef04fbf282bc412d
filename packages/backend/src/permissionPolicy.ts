/*
 * The local portal's demo permission policy.
 *
 * Everything is allowed, except reading and refreshing AWS account posture
 * (`aws-accounts.posture.read`, `aws-accounts.posture.refresh`): members of
 * group:default/team-security may do both for every account; everyone else
 * only for the accounts whose catalog entity they own (the catalog's
 * IS_ENTITY_OWNER rule, evaluated by the catalog for each account's entity).
 *
 * Wire it in packages/backend/src/index.ts in place of the allow-all policy:
 *   backend.add(import('./permissionPolicy'));
 */

import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  awsAccountsPostureReadPermission,
  awsAccountsPostureRefreshPermission,
} from '@sra-backstage/plugin-aws-accounts-common';

/** The group that sees the posture of every account. */
export const SECURITY_TEAM_REF = 'group:default/team-security';

const POSTURE_PERMISSIONS = new Set([
  awsAccountsPostureReadPermission.name,
  awsAccountsPostureRefreshPermission.name,
]);

/**
 * Allows everything; posture of an account only to the security team and
 * to the account's owners.
 */
export class AwsAccountsDemoPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (
      !POSTURE_PERMISSIONS.has(permission.name) ||
      !isResourcePermission(permission, 'catalog-entity')
    ) {
      return { result: AuthorizeResult.ALLOW };
    }

    const claims = user
      ? (await this.userInfo.getUserInfo(user.credentials)).ownershipEntityRefs
      : [];
    if (claims.includes(SECURITY_TEAM_REF)) {
      return { result: AuthorizeResult.ALLOW };
    }
    return createCatalogConditionalDecision(
      permission,
      catalogConditions.isEntityOwner({ claims }),
    );
  }
}

/** Installs {@link AwsAccountsDemoPolicy} as the permission backend's policy. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'aws-accounts-demo-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy(new AwsAccountsDemoPolicy(userInfo));
      },
    });
  },
});
