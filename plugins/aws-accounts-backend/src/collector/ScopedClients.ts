import { AwsClientSettings } from '@sra-backstage/plugin-aws-accounts-node';

/**
 * Makes AWS clients for one identity (the Security Tooling account, or the
 * read role in one account) in a given Region, with calls counted under
 * `service`.
 */
export type ScopedClients = <TClient>(
  clientClass: new (settings: AwsClientSettings) => TClient,
  service: string,
  region: string,
) => Promise<TClient>;
