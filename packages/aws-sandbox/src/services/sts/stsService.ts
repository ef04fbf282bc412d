import { randomBytes } from 'node:crypto';
import { AwsQueryProtocol } from '../../protocols/AwsQueryProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { InputReader } from '../InputReader';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import { roleId } from './SessionRegistry';

const ERROR = 'ValidationError';
const ROLE_ARN =
  /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

const operations: Record<string, OperationHandler> = {
  GetCallerIdentity(_input, context) {
    const { caller } = context;
    return {
      UserId: caller.userId,
      Account: caller.accountId,
      Arn: caller.arn,
    };
  },

  /**
   * The role must exist in the target account, the account must be active
   * and AssumeRole into it must not have been denied through the control
   * interface; otherwise AccessDenied, as STS answers.
   */
  AssumeRole(input, context) {
    const r = new InputReader(input, 'AssumeRole', ERROR);
    const roleArn = r.string('RoleArn');
    const sessionName = r.string('RoleSessionName');
    const duration = r.optionalNumber('DurationSeconds') ?? 3600;
    const match = ROLE_ARN.exec(roleArn);
    if (!match) {
      throw r.error(
        `RoleArn "${roleArn}" is not a role ARN; use arn:aws:iam::<account id>:role/<role name>.`,
      );
    }
    if (!SESSION_NAME.test(sessionName)) {
      throw r.error(
        `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*`,
      );
    }
    if (duration < 900 || duration > 43200) {
      throw r.error(
        `DurationSeconds ${duration} is outside 900 to 43200 seconds.`,
      );
    }

    const [, accountId, roleName] = match;
    const { state, caller } = context;
    const account = state.organization.accounts.get(accountId);
    if (
      !account ||
      account.status !== 'ACTIVE' ||
      !state.roleExists(accountId, roleName) ||
      state.assumeRoleDenied(accountId, roleName)
    ) {
      throw new AwsServiceError(
        'AccessDenied',
        `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        403,
      );
    }

    const accessKeyId = state.sessions.open(accountId, roleName, sessionName);
    return {
      Credentials: {
        AccessKeyId: accessKeyId,
        SecretAccessKey: randomBytes(30).toString('base64'),
        SessionToken: randomBytes(60).toString('base64'),
        Expiration: new Date(Date.now() + duration * 1000),
      },
      AssumedRoleUser: {
        AssumedRoleId: `${roleId(accountId, roleName)}:${sessionName}`,
        Arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
      },
      PackedPolicySize: 0,
    };
  },
};

/** AWS STS over awsQuery. */
export const stsService: ServiceDefinition = {
  signingName: 'sts',
  protocol: new AwsQueryProtocol('https://sts.amazonaws.com/doc/2011-06-15/'),
  throttle: { code: 'Throttling', statusCode: 400, message: 'Rate exceeded' },
  validationErrorCode: ERROR,
  operations,
};
