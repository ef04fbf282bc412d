/**
 * An error the sandbox answers with, in the terms AWS uses: the error code
 * the SDK turns into an exception class, the HTTP status and the message.
 *
 * @public
 */
export class AwsServiceError extends Error {
  readonly code: string;
  readonly statusCode: number;
  /** Extra members some error shapes carry, e.g. `Reason` or `Type`. */
  readonly extra: Record<string, string>;

  constructor(
    code: string,
    message: string,
    statusCode = 400,
    extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
    this.code = code;
    this.statusCode = statusCode;
    this.extra = extra;
  }

  /** Whether the fault is the caller's (4xx) rather than the service's. */
  get isSenderFault(): boolean {
    return this.statusCode < 500;
  }
}

/** Shorthand for the validation error most JSON services use. */
export function invalidParameter(
  message: string,
  code = 'InvalidParametersException',
): AwsServiceError {
  return new AwsServiceError(code, message, 400);
}
