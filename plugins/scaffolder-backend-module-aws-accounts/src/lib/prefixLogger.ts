import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/**
 * A logger that starts every message with a label, so that lines of work
 * running side by side in one task log can be told apart.
 */
export function prefixLogger(
  logger: LoggerService,
  label: string,
): LoggerService {
  const prefix = `[${label}] `;
  return {
    error: (message: string, meta?: Error | JsonObject) =>
      logger.error(prefix + message, meta),
    warn: (message: string, meta?: Error | JsonObject) =>
      logger.warn(prefix + message, meta),
    info: (message: string, meta?: Error | JsonObject) =>
      logger.info(prefix + message, meta),
    debug: (message: string, meta?: Error | JsonObject) =>
      logger.debug(prefix + message, meta),
    child: (meta: JsonObject) => prefixLogger(logger.child(meta), label),
  };
}
