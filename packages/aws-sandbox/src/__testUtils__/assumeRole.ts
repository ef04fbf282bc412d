import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { SandboxHandle } from '../startSandbox';
import { clientSettings } from './sandboxClients';

/** Credentials of a role in an account, assumed through the sandbox's STS. */
export async function assumeRole(
  sandbox: SandboxHandle,
  accountId: string,
  roleName: string,
) {
  const sts = new STSClient(clientSettings(sandbox));
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
      RoleSessionName: 'sandbox-test',
    }),
  );
  return {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!,
  };
}
