import { uuidFrom } from '../../seed/resourceId';
import { TemplateSummary } from './templateSummary';

export interface StackEvent {
  EventId: string;
  StackId: string;
  StackName: string;
  LogicalResourceId: string;
  PhysicalResourceId: string;
  ResourceType: string;
  Timestamp: Date;
  ResourceStatus: string;
  ResourceStatusReason?: string;
}

interface ScheduledEvent {
  at: number;
  logicalId: string;
  resourceType: string;
  status: string;
  reason?: string;
}

export interface Stack {
  stackId: string;
  stackName: string;
  accountId: string;
  region: string;
  status: string;
  statusReason?: string;
  createdAt: Date;
  updatedAt?: Date;
  deletedAt?: Date;
  description?: string;
  parameters: { ParameterKey: string; ParameterValue: string }[];
  tags: { Key: string; Value: string }[];
  outputs: { OutputKey: string; OutputValue: string; Description?: string }[];
  capabilities: string[];
  template: TemplateSummary;
  templateBody: string;
  events: StackEvent[];
  pending: ScheduledEvent[];
}

/**
 * Stacks of every account and Region. A stack moves through its events on
 * a schedule that is applied lazily, whenever the sandbox serves a request,
 * so no timers keep a test process alive.
 */
export class CloudFormationState {
  readonly stacks = new Map<string, Stack>();
  #failNext: string | undefined;
  #sequence = 0;

  constructor(readonly durationMs: () => number) {}

  /** Makes the next stack operation fail with the given reason. */
  failNextStack(reason: string) {
    this.#failNext = reason;
  }

  find(accountId: string, region: string, nameOrId: string): Stack | undefined {
    const byId = this.stacks.get(nameOrId);
    if (byId && byId.accountId === accountId && byId.region === region) {
      return byId;
    }
    for (const stack of this.stacks.values()) {
      if (
        stack.accountId === accountId &&
        stack.region === region &&
        stack.stackName === nameOrId &&
        stack.status !== 'DELETE_COMPLETE'
      ) {
        return stack;
      }
    }
    return undefined;
  }

  list(accountId: string, region: string): Stack[] {
    return [...this.stacks.values()].filter(
      s => s.accountId === accountId && s.region === region,
    );
  }

  create(
    init: Omit<
      Stack,
      'stackId' | 'status' | 'createdAt' | 'events' | 'pending' | 'outputs'
    >,
    now: number,
    options: { failure?: string; durationMs?: number } = {},
  ): Stack {
    this.#sequence += 1;
    const stackId = `arn:aws:cloudformation:${init.region}:${
      init.accountId
    }:stack/${init.stackName}/${uuidFrom(
      init.accountId,
      init.stackName,
      this.#sequence,
      now,
    )}`;
    const stack: Stack = {
      ...init,
      stackId,
      status: 'CREATE_IN_PROGRESS',
      createdAt: new Date(now),
      outputs: [],
      events: [],
      pending: [],
    };
    this.stacks.set(stackId, stack);
    this.#schedule(
      stack,
      'CREATE',
      now,
      options.failure ?? this.#takeFailure(),
      options.durationMs,
    );
    this.advance(now);
    return stack;
  }

  update(stack: Stack, now: number) {
    stack.updatedAt = new Date(now);
    this.#schedule(stack, 'UPDATE', now, this.#takeFailure());
    this.advance(now);
  }

  delete(stack: Stack, now: number) {
    this.#schedule(stack, 'DELETE', now, undefined);
    this.advance(now);
  }

  /** Applies every scheduled event that is due. */
  advance(now: number) {
    for (const stack of this.stacks.values()) {
      while (stack.pending.length > 0 && stack.pending[0].at <= now) {
        const next = stack.pending.shift()!;
        this.#emit(stack, next);
      }
    }
  }

  #takeFailure() {
    const failure = this.#failNext;
    this.#failNext = undefined;
    return failure;
  }

  #emit(stack: Stack, event: ScheduledEvent) {
    this.#sequence += 1;
    const isStack = event.logicalId === stack.stackName;
    stack.events.unshift({
      EventId: isStack
        ? uuidFrom(stack.stackId, this.#sequence)
        : `${event.logicalId}-${event.status}-${new Date(
            event.at,
          ).toISOString()}`,
      StackId: stack.stackId,
      StackName: stack.stackName,
      LogicalResourceId: event.logicalId,
      PhysicalResourceId: isStack
        ? stack.stackId
        : `${stack.stackName}-${event.logicalId}`,
      ResourceType: event.resourceType,
      Timestamp: new Date(event.at),
      ResourceStatus: event.status,
      ResourceStatusReason: event.reason,
    });
    if (isStack) {
      stack.status = event.status;
      stack.statusReason = event.reason;
      if (event.status === 'DELETE_COMPLETE') {
        stack.deletedAt = new Date(event.at);
      }
    }
  }

  #schedule(
    stack: Stack,
    action: 'CREATE' | 'UPDATE' | 'DELETE',
    now: number,
    failure: string | undefined,
    durationMs = this.durationMs(),
  ) {
    const resources = stack.template.resources;
    const step = durationMs / (resources.length * 2 + 2);
    const at = (i: number) => now + Math.round(step * i);
    const stackEvent = (i: number, status: string, reason?: string) => ({
      at: at(i),
      logicalId: stack.stackName,
      resourceType: 'AWS::CloudFormation::Stack',
      status,
      reason,
    });
    const events: ScheduledEvent[] = [
      stackEvent(
        0,
        `${action}_IN_PROGRESS`,
        action === 'DELETE' ? 'User Initiated' : 'User Initiated',
      ),
    ];
    const resourceAction = action === 'UPDATE' ? 'UPDATE' : action;
    let i = 1;
    for (const [index, resource] of resources.entries()) {
      events.push({
        at: at(i++),
        logicalId: resource.logicalId,
        resourceType: resource.type,
        status: `${resourceAction}_IN_PROGRESS`,
      });
      if (failure && index === resources.length - 1 && action !== 'DELETE') {
        events.push({
          at: at(i++),
          logicalId: resource.logicalId,
          resourceType: resource.type,
          status: `${resourceAction}_FAILED`,
          reason: failure,
        });
        const rollback = action === 'CREATE' ? 'ROLLBACK' : 'UPDATE_ROLLBACK';
        events.push(
          stackEvent(
            i++,
            `${rollback}_IN_PROGRESS`,
            `The following resource(s) failed to ${action.toLowerCase()}: [${
              resource.logicalId
            }]. Rollback requested by user.`,
          ),
        );
        events.push(
          stackEvent(
            Math.max(i, resources.length * 2 + 2),
            `${rollback}_COMPLETE`,
          ),
        );
        stack.pending.push(...events);
        return;
      }
      events.push({
        at: at(i++),
        logicalId: resource.logicalId,
        resourceType: resource.type,
        status: `${resourceAction}_COMPLETE`,
      });
    }
    if (action === 'UPDATE') {
      events.push(stackEvent(i++, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'));
    }
    events.push(stackEvent(resources.length * 2 + 2, `${action}_COMPLETE`));
    stack.pending.push(...events);
  }
}
