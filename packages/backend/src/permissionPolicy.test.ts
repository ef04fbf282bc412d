import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  awsAccountsAccountCreatePermission,
  awsAccountsPostureReadPermission,
  awsAccountsPostureRefreshPermission,
} from '@sra-backstage/plugin-aws-accounts-common';
import { AwsAccountsDemoPolicy } from './permissionPolicy';

function policyFor(ownershipEntityRefs: string[]) {
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async () => ({
      userEntityRef: 'user:default/someone',
      ownershipEntityRefs,
    }),
  });
  return new AwsAccountsDemoPolicy(userInfo);
}

const user = {
  credentials: mockCredentials.user(),
  info: { userEntityRef: 'user:default/someone', ownershipEntityRefs: [] },
};

describe('AwsAccountsDemoPolicy', () => {
  it('allows everything that is not posture', async () => {
    const decision = await policyFor([]).handle(
      { permission: awsAccountsAccountCreatePermission },
      user,
    );
    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('allows the security team every account', async () => {
    const policy = policyFor([
      'user:default/someone',
      'group:default/team-security',
    ]);
    for (const permission of [
      awsAccountsPostureReadPermission,
      awsAccountsPostureRefreshPermission,
    ]) {
      expect(await policy.handle({ permission }, user)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('makes posture conditional on catalog ownership for everyone else', async () => {
    const claims = ['user:default/someone', 'group:default/team-payments'];
    const decision = await policyFor(claims).handle(
      { permission: awsAccountsPostureReadPermission },
      user,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims },
      },
    });
  });
});
