import { CallerIdentity } from '../../protocols/SandboxRequest';

interface Session {
  accountId: string;
  roleName: string;
  sessionName: string;
}

const SESSION_KEY_PATTERN = /^ASIA(\d{12})/;
const ACCOUNT_KEY_PATTERN = /^AKIA(\d{12})/;

/**
 * Maps access key ids to the account and principal that own them. Keys
 * handed out by AssumeRole start with `ASIA` and the twelve digits of the
 * assumed account, so a request signed with them is attributed to that
 * account even after the sandbox was reset. A key `AKIA<account id>...`
 * stands for a user in that account; any other key is an administrator of
 * the management account, like the credentials of a developer's shell.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, Session>();
  readonly #managementAccountId: () => string;
  #sequence = 0;

  constructor(managementAccountId: () => string) {
    this.#managementAccountId = managementAccountId;
  }

  open(accountId: string, roleName: string, sessionName: string): string {
    this.#sequence += 1;
    const suffix = this.#sequence.toString(36).toUpperCase().padStart(6, '0');
    const accessKeyId = `ASIA${accountId}${suffix}`;
    this.#sessions.set(accessKeyId, { accountId, roleName, sessionName });
    return accessKeyId;
  }

  identify(accessKeyId: string): CallerIdentity {
    const session = this.#sessions.get(accessKeyId);
    if (session) {
      return {
        accountId: session.accountId,
        arn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
        userId: `${roleId(session.accountId, session.roleName)}:${
          session.sessionName
        }`,
        accessKeyId,
      };
    }

    const assumed = SESSION_KEY_PATTERN.exec(accessKeyId);
    if (assumed) {
      return {
        accountId: assumed[1],
        arn: `arn:aws:sts::${assumed[1]}:assumed-role/SandboxSession/expired`,
        userId: `${roleId(assumed[1], 'SandboxSession')}:expired`,
        accessKeyId,
      };
    }

    const accountId =
      ACCOUNT_KEY_PATTERN.exec(accessKeyId)?.[1] ?? this.#managementAccountId();
    return {
      accountId,
      arn: `arn:aws:iam::${accountId}:user/sandbox-admin`,
      userId: `AIDA${accountId}SANDBOX`,
      accessKeyId,
    };
  }
}

/** A stable, AWS-looking unique id of a role. */
export function roleId(accountId: string, roleName: string): string {
  let hash = 0;
  for (const char of `${accountId}/${roleName}`) {
    hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  }
  return `AROA${accountId.slice(-4)}${hash
    .toString(36)
    .toUpperCase()
    .padStart(8, '0')}`;
}
