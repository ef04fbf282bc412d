import { IncomingHttpHeaders } from 'node:http';

/**
 * Who signed a request: the account and the principal ARN that the access
 * key id maps to.
 *
 * @public
 */
export interface CallerIdentity {
  accountId: string;
  arn: string;
  userId: string;
  accessKeyId: string;
}

/**
 * One HTTP request as the sandbox sees it after reading the SigV4
 * credential scope.
 *
 * @public
 */
export interface SandboxRequest {
  /** The signing name from the credential scope, e.g. `securityhub`. */
  service: string;
  region: string;
  caller: CallerIdentity;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  requestId: string;
}

/**
 * What a protocol produces from a request: the operation name and its input
 * in the AWS model's member names.
 *
 * @public
 */
export interface ParsedOperation {
  operation: string;
  input: Record<string, unknown>;
}

/** An HTTP answer ready to be written. */
export interface SandboxResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}
