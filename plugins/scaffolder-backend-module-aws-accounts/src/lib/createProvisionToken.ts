import { createHash } from 'node:crypto';

/** Service Catalog accepts 1 to 128 characters of [a-zA-Z0-9_-]. */
const TOKEN_HEX_LENGTH = 60;

/**
 * The parts that identify one provisioning request: the task, the step,
 * the iteration of an `each` step and what is being provisioned.
 */
export interface ProvisionTokenParts {
  taskId: string;
  stepId?: string;
  iteration?: string;
  subject: string;
}

/**
 * A stable idempotency token for ProvisionProduct and CreateStack. The same
 * task, step and subject always give the same token, so a retried or
 * resumed task gets the record of its first request instead of a second
 * account.
 */
export function createProvisionToken(parts: ProvisionTokenParts): string {
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        parts.taskId,
        parts.stepId ?? '',
        parts.iteration ?? '',
        parts.subject,
      ]),
    )
    .digest('hex');
  return `bs-${hash.slice(0, TOKEN_HEX_LENGTH)}`;
}
