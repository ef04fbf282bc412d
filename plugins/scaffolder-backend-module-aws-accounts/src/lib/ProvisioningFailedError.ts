import { CustomErrorBase } from '@backstage/errors';

/**
 * A Service Catalog record or a CloudFormation stack ended in failure. The
 * message carries AWS's own explanation and what to do next.
 *
 * @public
 */
export class ProvisioningFailedError extends CustomErrorBase {
  name = 'ProvisioningFailedError' as const;
}
