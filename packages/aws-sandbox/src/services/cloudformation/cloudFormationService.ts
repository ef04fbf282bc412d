import { AwsQueryProtocol } from '../../protocols/AwsQueryProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { InputReader } from '../InputReader';
import { paginate } from '../pagination';
import {
  OperationContext,
  OperationHandler,
  ServiceDefinition,
} from '../ServiceDefinition';
import { Stack } from './CloudFormationState';
import {
  summarizeTemplate,
  TemplateError,
  TemplateSummary,
} from './templateSummary';

const ERROR = 'ValidationError';
const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;
const IAM_TYPES = /^AWS::IAM::/;

function reader(input: Record<string, unknown>, operation: string) {
  return new InputReader(input, operation, ERROR);
}

function readTemplate(r: InputReader): {
  body: string;
  summary: TemplateSummary;
} {
  const body = r.optionalString('TemplateBody');
  if (body === undefined) {
    if (r.optionalString('TemplateURL')) {
      throw r.error(
        'TemplateURL is not readable by the sandbox, which has no S3; pass the template as TemplateBody.',
      );
    }
    throw r.error('Either TemplateBody or TemplateURL must be specified.');
  }
  try {
    return { body, summary: summarizeTemplate(body) };
  } catch (error) {
    if (error instanceof TemplateError) {
      throw r.error(error.message);
    }
    throw error;
  }
}

function requiredCapabilities(summary: TemplateSummary): string[] {
  return summary.resources.some(res => IAM_TYPES.test(res.type))
    ? ['CAPABILITY_NAMED_IAM']
    : [];
}

function checkCapabilities(summary: TemplateSummary, given: string[]) {
  const needed = requiredCapabilities(summary);
  if (
    needed.length &&
    !given.includes('CAPABILITY_NAMED_IAM') &&
    !given.includes('CAPABILITY_IAM')
  ) {
    throw new AwsServiceError(
      'InsufficientCapabilitiesException',
      `Requires capabilities : [${needed.join(', ')}]`,
      400,
    );
  }
}

function requireStack(context: OperationContext, nameOrId: string): Stack {
  const stack = context.state.cloudFormation.find(
    context.caller.accountId,
    context.region,
    nameOrId,
  );
  if (!stack) {
    throw new AwsServiceError(
      ERROR,
      `Stack with id ${nameOrId} does not exist`,
      400,
    );
  }
  return stack;
}

function stackView(stack: Stack) {
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    Description: stack.description,
    Parameters: stack.parameters,
    CreationTime: stack.createdAt,
    LastUpdatedTime: stack.updatedAt,
    DeletionTime: stack.deletedAt,
    StackStatus: stack.status,
    StackStatusReason: stack.statusReason,
    DisableRollback: false,
    Capabilities: stack.capabilities,
    Outputs: stack.outputs,
    Tags: stack.tags,
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

function readParameters(r: InputReader, summary: TemplateSummary) {
  const given = r.list<{
    ParameterKey?: string;
    ParameterValue?: string;
    UsePreviousValue?: string;
  }>('Parameters');
  for (const parameter of given) {
    if (!summary.parameters.some(p => p.key === parameter.ParameterKey)) {
      throw r.error(
        `Parameters: [${parameter.ParameterKey}] do not exist in the template`,
      );
    }
  }
  const missing = summary.parameters.filter(
    p =>
      p.defaultValue === undefined &&
      !given.some(g => g.ParameterKey === p.key),
  );
  if (missing.length) {
    throw r.error(
      `Parameters: [${missing.map(p => p.key).join(', ')}] must have values`,
    );
  }
  return summary.parameters.map(p => ({
    ParameterKey: p.key,
    ParameterValue:
      given.find(g => g.ParameterKey === p.key)?.ParameterValue ??
      p.defaultValue ??
      '',
  }));
}

const operations: Record<string, OperationHandler> = {
  ValidateTemplate(input) {
    const r = reader(input, 'ValidateTemplate');
    const { summary } = readTemplate(r);
    const capabilities = requiredCapabilities(summary);
    return {
      Parameters: summary.parameters.map(p => ({
        ParameterKey: p.key,
        DefaultValue: p.defaultValue,
        NoEcho: false,
        Description: p.description,
      })),
      Description: summary.description,
      Capabilities: capabilities,
      CapabilitiesReason: capabilities.length
        ? 'The following resource(s) require capabilities: [AWS::IAM::Role]'
        : undefined,
    };
  },

  CreateStack(input, context) {
    const r = reader(input, 'CreateStack');
    const name = r.string('StackName');
    if (!STACK_NAME.test(name)) {
      throw r.error(
        `1 validation error detected: Value '${name}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
      );
    }
    const { state, caller, region } = context;
    if (state.cloudFormation.find(caller.accountId, region, name)) {
      throw new AwsServiceError(
        'AlreadyExistsException',
        `Stack [${name}] already exists`,
        400,
      );
    }
    const { body, summary } = readTemplate(r);
    const capabilities = r.list<string>('Capabilities');
    checkCapabilities(summary, capabilities);
    const stack = state.cloudFormation.create(
      {
        stackName: name,
        accountId: caller.accountId,
        region,
        description: summary.description,
        parameters: readParameters(r, summary),
        tags: r.list<{ Key: string; Value: string }>('Tags'),
        capabilities,
        template: summary,
        templateBody: body,
      },
      Date.now(),
    );
    return { StackId: stack.stackId };
  },

  UpdateStack(input, context) {
    const r = reader(input, 'UpdateStack');
    const stack = requireStack(context, r.string('StackName'));
    if (
      !/_COMPLETE$/.test(stack.status) ||
      stack.status === 'ROLLBACK_COMPLETE' ||
      stack.status === 'DELETE_COMPLETE'
    ) {
      throw r.error(
        `Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`,
      );
    }
    const usePrevious = r.optionalBoolean('UsePreviousTemplate') ?? false;
    const { body, summary } = usePrevious
      ? { body: stack.templateBody, summary: stack.template }
      : readTemplate(r);
    const capabilities = r.list<string>('Capabilities');
    checkCapabilities(summary, capabilities);
    const parameters = readParameters(r, summary);
    if (
      body === stack.templateBody &&
      JSON.stringify(parameters) === JSON.stringify(stack.parameters)
    ) {
      throw r.error('No updates are to be performed.');
    }
    Object.assign(stack, {
      templateBody: body,
      template: summary,
      parameters,
      capabilities,
      description: summary.description,
    });
    context.state.cloudFormation.update(stack, Date.now());
    return { StackId: stack.stackId };
  },

  DeleteStack(input, context) {
    const r = reader(input, 'DeleteStack');
    const stack = context.state.cloudFormation.find(
      context.caller.accountId,
      context.region,
      r.string('StackName'),
    );
    if (
      stack &&
      stack.status !== 'DELETE_COMPLETE' &&
      stack.status !== 'DELETE_IN_PROGRESS'
    ) {
      context.state.cloudFormation.delete(stack, Date.now());
    }
    return {};
  },

  DescribeStacks(input, context) {
    const r = reader(input, 'DescribeStacks');
    const name = r.optionalString('StackName');
    const stacks = name
      ? [requireStack(context, name)]
      : context.state.cloudFormation
          .list(context.caller.accountId, context.region)
          .filter(s => s.status !== 'DELETE_COMPLETE');
    const page = paginate(
      stacks,
      `DescribeStacks:${name ?? ''}`,
      r.optionalString('NextToken'),
      100,
      ERROR,
    );
    return { Stacks: page.items.map(stackView), NextToken: page.nextToken };
  },

  DescribeStackEvents(input, context) {
    const r = reader(input, 'DescribeStackEvents');
    const stack = requireStack(context, r.string('StackName'));
    const page = paginate(
      stack.events,
      `DescribeStackEvents:${stack.stackId}`,
      r.optionalString('NextToken'),
      100,
      ERROR,
    );
    return { StackEvents: page.items, NextToken: page.nextToken };
  },
};

/** AWS CloudFormation over awsQuery. */
export const cloudFormationService: ServiceDefinition = {
  signingName: 'cloudformation',
  protocol: new AwsQueryProtocol(
    'http://cloudformation.amazonaws.com/doc/2010-05-15/',
  ),
  throttle: { code: 'Throttling', statusCode: 400, message: 'Rate exceeded' },
  validationErrorCode: ERROR,
  operations,
};
