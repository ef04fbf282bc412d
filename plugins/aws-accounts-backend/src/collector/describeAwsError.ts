/**
 * A reason a user can act on for a failed AWS call: the error's name and
 * message, and what to check. Never the request, the response or
 * credentials.
 */
export function describeAwsError(error: unknown, what: string): string {
  const name =
    error instanceof Error ? error.name : String((error as object) ?? '');
  const message = error instanceof Error ? error.message : '';
  const detail = message && message !== name ? `${name}: ${message}` : name;

  if (/AccessDenied|UnauthorizedOperation|AuthorizationError/i.test(name)) {
    return `${what} was denied (${detail}); check that the role exists and its policy allows the call (see the plugin's iam/ folder)`;
  }
  if (/Throttl|TooManyRequests|RequestLimitExceeded/i.test(name)) {
    return `${what} was throttled past all retries (${detail}); it is read again on the next run`;
  }
  if (/NotSubscribed|not subscribed|InvalidAccessException/i.test(detail)) {
    return `${what} failed because the service is not enabled for the account (${detail})`;
  }
  return `${what} failed (${detail})`;
}
