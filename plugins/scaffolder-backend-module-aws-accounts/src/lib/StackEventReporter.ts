import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Writes the new events of one CloudFormation stack into the task log, oldest
 * first, and remembers why resources failed. Reading events is best effort:
 * when it is not allowed, one warning is logged and provisioning goes on.
 */
export class StackEventReporter {
  readonly #client: CloudFormationClient;
  readonly #stack: string;
  readonly #logger: LoggerService;
  readonly #since: Date;
  readonly #seen = new Set<string>();
  readonly #failureReasons: string[] = [];
  #disabled = false;

  constructor(options: {
    client: CloudFormationClient;
    stack: string;
    logger: LoggerService;
    since?: Date;
  }) {
    this.#client = options.client;
    this.#stack = options.stack;
    this.#logger = options.logger;
    this.#since = options.since ?? new Date(0);
  }

  /** Reasons given by resources that failed, in the order they happened. */
  get failureReasons(): string[] {
    return [...this.#failureReasons];
  }

  async report(): Promise<void> {
    if (this.#disabled) {
      return;
    }

    let events: StackEvent[];
    try {
      const response = await this.#client.send(
        new DescribeStackEventsCommand({ StackName: this.#stack }),
      );
      events = response.StackEvents ?? [];
    } catch (error) {
      this.#disabled = true;
      this.#logger.warn(
        `Cannot read the events of stack ${
          this.#stack
        }, progress details are not shown: ${(error as Error).name}`,
        { stack: this.#stack },
      );
      return;
    }

    const fresh = events
      .filter(e => e.EventId && !this.#seen.has(e.EventId))
      .filter(e => !e.Timestamp || e.Timestamp >= this.#since)
      .reverse();
    for (const event of fresh) {
      this.#seen.add(event.EventId!);
      const reason = event.ResourceStatusReason;
      if (event.ResourceStatus?.endsWith('_FAILED') && reason) {
        this.#failureReasons.push(`${event.LogicalResourceId}: ${reason}`);
      }
      this.#logger.info(
        `Stack event: ${event.LogicalResourceId} (${event.ResourceType}) ${
          event.ResourceStatus
        }${reason ? ` - ${reason}` : ''}`,
        { stack: this.#stack },
      );
    }
  }
}
