import { AwsServiceError } from '../protocols/AwsServiceError';

/**
 * Reads members of an operation input, answering a missing or malformed
 * member with the service's validation error that names the member.
 */
export class InputReader {
  readonly #input: Record<string, unknown>;
  readonly #operation: string;
  readonly #errorCode: string;

  constructor(
    input: Record<string, unknown>,
    operation: string,
    errorCode: string,
  ) {
    this.#input = input;
    this.#operation = operation;
    this.#errorCode = errorCode;
  }

  error(message: string): AwsServiceError {
    return new AwsServiceError(this.#errorCode, message, 400);
  }

  string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined || value === '') {
      throw this.error(
        `${
          this.#operation
        }: the member ${name} is required; pass it in the request.`,
      );
    }
    return value;
  }

  optionalString(name: string): string | undefined {
    const value = this.#input[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw this.error(
        `${
          this.#operation
        }: the member ${name} must be a string, not ${typeof value}.`,
      );
    }
    return value;
  }

  optionalNumber(name: string): number | undefined {
    const value = this.#input[name];
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(number)) {
      throw this.error(
        `${
          this.#operation
        }: the member ${name} must be a number, not ${JSON.stringify(value)}.`,
      );
    }
    return number;
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.#input[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value === 'boolean') {
      return value;
    }
    if (value === 'true' || value === 'false') {
      return value === 'true';
    }
    throw this.error(
      `${
        this.#operation
      }: the member ${name} must be true or false, not ${JSON.stringify(
        value,
      )}.`,
    );
  }

  list<T = Record<string, unknown>>(name: string): T[] {
    const value = this.#input[name];
    if (value === undefined || value === null) {
      return [];
    }
    if (!Array.isArray(value)) {
      throw this.error(
        `${this.#operation}: the member ${name} must be a list.`,
      );
    }
    return value.filter(item => item !== undefined) as T[];
  }

  object(name: string): Record<string, unknown> | undefined {
    const value = this.#input[name];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw this.error(
        `${this.#operation}: the member ${name} must be a structure.`,
      );
    }
    return value as Record<string, unknown>;
  }

  /** A page size within the operation's limits. */
  pageSize(name: string, defaultSize: number, maximum: number): number {
    const size = this.optionalNumber(name) ?? defaultSize;
    if (!Number.isInteger(size) || size < 1 || size > maximum) {
      throw this.error(
        `${
          this.#operation
        }: ${name} must be an integer from 1 to ${maximum}; got ${size}.`,
      );
    }
    return size;
  }
}
