import {
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { EventsService } from '@backstage/plugin-events-node';
import { AWS_ACCOUNTS_REFRESH_TOPIC } from '@sra-backstage/plugin-aws-accounts-common';
import { AwsClientFactory } from '@sra-backstage/plugin-aws-accounts-node';
import { VendingSettings } from '../config/VendingSettings';
import { checkTagValue, entityNameForTag } from './entityNameForTag';

/** The tags the catalog provider maps to an account entity. */
export interface AccountOwnership {
  owner: string;
  application: string;
  environment: string;
  tags?: Record<string, string>;
}

/**
 * The tags to set: extra tags first, then owner, application and environment
 * as entity names, each checked against AWS's tag rules.
 */
export function ownershipTags(
  ownership: AccountOwnership,
): Record<string, string> {
  const tags: Record<string, string> = {
    ...ownership.tags,
    owner: entityNameForTag('owner', ownership.owner, 'group'),
    application: entityNameForTag(
      'application',
      ownership.application,
      'system',
    ),
    environment: ownership.environment,
  };
  for (const [key, value] of Object.entries(tags)) {
    checkTagValue(`tag ${key}`, value);
  }
  return tags;
}

/** Options of {@link tagAccount}. */
export interface TagAccountOptions {
  clientFactory: AwsClientFactory;
  settings: VendingSettings;
  events: EventsService;
  logger: LoggerService;
  accountId: string;
  tags: Record<string, string>;
}

/**
 * Sets the tags on the account in Organizations and asks the catalog
 * provider to read the organization again now.
 */
export async function tagAccount(options: TagAccountOptions): Promise<void> {
  const { clientFactory, settings, accountId, tags, logger } = options;
  const organizations = await clientFactory.create(OrganizationsClient, {
    ...settings.organization,
    region: settings.homeRegion,
  });
  try {
    await organizations.send(
      new TagResourceCommand({
        ResourceId: accountId,
        Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'TargetNotFoundException') {
      throw new NotFoundError(
        `Account ${accountId} is not in the organization, so it cannot be tagged; check the account id`,
        error,
      );
    }
    throw error;
  }
  logger.info(
    `Tagged account ${accountId}: owner ${tags.owner}, application ${tags.application}, environment ${tags.environment}`,
    { accountId },
  );

  await options.events.publish({
    topic: AWS_ACCOUNTS_REFRESH_TOPIC,
    eventPayload: { accountId, reason: 'account-tagged' },
  });
}
