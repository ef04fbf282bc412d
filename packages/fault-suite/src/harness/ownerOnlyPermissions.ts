import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * A permission service that decides like the local portal's policy: the
 * posture permissions are conditional on "is entity owner", and the
 * condition holds when the user is a member of the entity's owner group.
 * `members` maps user refs to the group refs they belong to.
 */
export function ownerOnlyPermissions(
  entities: Entity[],
  members: Record<string, string[]>,
) {
  const owners = new Map(
    entities.map(entity => [
      stringifyEntityRef(entity),
      String(entity.spec?.owner ?? ''),
    ]),
  );
  const userOf = (credentials: { principal: unknown }) => {
    const principal = credentials.principal as { userEntityRef?: string };
    return principal.userEntityRef ?? '';
  };

  return mockServices.permissions.mock({
    async authorizeConditional(requests, options) {
      return requests.map(
        (): PolicyDecision =>
          members[userOf(options.credentials)]
            ? {
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'catalog',
                resourceType: 'catalog-entity',
                conditions: {
                  rule: 'IS_ENTITY_OWNER',
                  resourceType: 'catalog-entity',
                  params: { claims: members[userOf(options.credentials)] },
                },
              }
            : { result: AuthorizeResult.DENY },
      );
    },
    async authorize(requests, options) {
      const groups = members[userOf(options.credentials)] ?? [];
      return requests.map(request => {
        const resourceRef =
          'resourceRef' in request ? request.resourceRef : undefined;
        const owner = resourceRef ? owners.get(resourceRef) : undefined;
        return {
          result:
            owner && groups.includes(owner)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        };
      });
    },
  });
}
