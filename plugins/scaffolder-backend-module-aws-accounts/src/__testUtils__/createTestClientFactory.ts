import {
  AwsClientFactory,
  AwsClientSettings,
  AwsClientTarget,
} from '@sra-backstage/plugin-aws-accounts-node';

/**
 * A client factory for tests: plain clients with fixed fake credentials, and
 * a record of every target asked for. Calls are answered by
 * aws-sdk-client-mock.
 */
export function createTestClientFactory(): AwsClientFactory & {
  targets: AwsClientTarget[];
} {
  const targets: AwsClientTarget[] = [];
  return {
    targets,
    async create<TClient>(
      ClientClass: new (settings: AwsClientSettings) => TClient,
      target: AwsClientTarget,
    ): Promise<TClient> {
      targets.push(target);
      return new ClientClass({
        region: target.region,
        credentials: async () => ({
          accessKeyId: 'AKIDTEST',
          secretAccessKey: 'test-secret',
        }),
        retryMode: 'standard',
        maxAttempts: 1,
        customUserAgent: 'test',
      });
    },
  };
}
