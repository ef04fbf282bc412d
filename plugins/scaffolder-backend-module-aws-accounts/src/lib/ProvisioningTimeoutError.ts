import { CustomErrorBase } from '@backstage/errors';

/**
 * A record or stack did not finish within the configured time. The work may
 * still complete in AWS; the message says where to look.
 *
 * @public
 */
export class ProvisioningTimeoutError extends CustomErrorBase {
  name = 'ProvisioningTimeoutError' as const;
}
