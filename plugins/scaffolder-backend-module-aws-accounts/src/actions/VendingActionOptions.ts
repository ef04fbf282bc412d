import { PermissionsService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  AwsClientFactory,
  OrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import { VendingSettings } from '../config/VendingSettings';

/**
 * What the AWS accounts actions are built from.
 *
 * @public
 */
export interface VendingActionOptions {
  clientFactory: AwsClientFactory;
  /** Reads the organization for the checks before an account is vended. */
  organizationReader: OrganizationReader;
  settings: VendingSettings;
  permissions: PermissionsService;
  events: EventsService;
}
