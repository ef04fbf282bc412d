import { IncomingHttpHeaders } from 'node:http';

/** The parts of a SigV4 credential scope the sandbox routes by. */
export interface CredentialScope {
  accessKeyId: string;
  region: string;
  service: string;
}

const AUTHORIZATION =
  /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

/**
 * Reads the access key id, Region and service from the `Authorization`
 * header, or from `X-Amz-Credential` of a presigned URL.
 */
export function readCredentialScope(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
): CredentialScope | undefined {
  const header = headers.authorization;
  const presigned = query.get('X-Amz-Credential');
  let source: string | undefined;
  if (typeof header === 'string') {
    source = header;
  } else if (presigned) {
    source = `Credential=${presigned}`;
  }
  const match = source ? AUTHORIZATION.exec(source) : null;
  if (!match) {
    return undefined;
  }
  return { accessKeyId: match[1], region: match[2], service: match[3] };
}
