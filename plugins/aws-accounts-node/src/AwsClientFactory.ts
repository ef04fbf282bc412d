import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { Config } from '@backstage/config';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import {
  doesIdentityRequireRefresh,
  isIdentityExpired,
  memoizeIdentityProvider,
} from '@smithy/core';
import { AwsCredentialIdentityProvider } from '@aws-sdk/types';

/**
 * Which account and Region a client talks to, and optionally which role it
 * assumes there. Without a role name the credentials come from the
 * `aws.*` integration config (main account, `aws.accounts`, or
 * `aws.accountDefaults.roleName`).
 *
 * @public
 */
export interface AwsClientTarget {
  accountId?: string;
  region: string;
  roleName?: string;
}

/**
 * The options every AWS SDK v3 client constructor takes that we set.
 *
 * @public
 */
export interface AwsClientSettings {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  retryMode: string;
  maxAttempts: number;
  customUserAgent: string;
}

/**
 * Builds AWS SDK v3 clients with credentials from
 * `@backstage/integration-aws-node`, the adaptive retry mode and our user
 * agent. Endpoints follow the SDK's own settings (`AWS_ENDPOINT_URL` and
 * friends), so a local sandbox needs no special code path.
 *
 * @public
 */
export interface AwsClientFactory {
  create<TClient>(
    ClientClass: new (settings: AwsClientSettings) => TClient,
    target: AwsClientTarget,
  ): Promise<TClient>;
}

/** @public */
export interface DefaultAwsClientFactoryOptions {
  credentialsManager: AwsCredentialsManager;
  /** Attempts per call, including the first; the SDK's default is 3. */
  maxAttempts?: number;
  userAgent?: string;
  /** Name of the session when a role is assumed; shows in CloudTrail. */
  roleSessionName?: string;
}

const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_USER_AGENT = 'backstage-aws-accounts';
const DEFAULT_ROLE_SESSION_NAME = 'backstage-aws-accounts';

/** @public */
export class DefaultAwsClientFactory implements AwsClientFactory {
  static fromConfig(
    config: Config,
    options?: Partial<DefaultAwsClientFactoryOptions>,
  ): DefaultAwsClientFactory {
    return new DefaultAwsClientFactory({
      credentialsManager:
        options?.credentialsManager ??
        DefaultAwsCredentialsManager.fromConfig(config),
      ...options,
    });
  }

  static create(options: DefaultAwsClientFactoryOptions) {
    return new DefaultAwsClientFactory(options);
  }

  readonly #options: DefaultAwsClientFactoryOptions;
  // One assumed-role session per account and role, so that STS is called
  // once per session lifetime rather than once per client.
  readonly #assumedRoleProviders = new Map<
    string,
    AwsCredentialIdentityProvider
  >();

  private constructor(options: DefaultAwsClientFactoryOptions) {
    this.#options = options;
  }

  async create<TClient>(
    ClientClass: new (settings: AwsClientSettings) => TClient,
    target: AwsClientTarget,
  ): Promise<TClient> {
    const credentials = await this.getCredentials(target);

    return new ClientClass({
      region: target.region,
      credentials,
      retryMode: 'adaptive',
      maxAttempts: this.#options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      customUserAgent: this.#options.userAgent ?? DEFAULT_USER_AGENT,
    });
  }

  /**
   * Credentials for the target: the integration config's provider, or a role
   * assumed from the main account's credentials when a role name is given.
   */
  async getCredentials(
    target: AwsClientTarget,
  ): Promise<AwsCredentialIdentityProvider> {
    const { accountId, roleName, region } = target;
    if (!roleName || !accountId) {
      const provider =
        await this.#options.credentialsManager.getCredentialProvider(
          accountId ? { accountId } : undefined,
        );
      return provider.sdkCredentialProvider;
    }

    const key = `${accountId}/${roleName}`;
    let provider = this.#assumedRoleProviders.get(key);
    if (!provider) {
      const main =
        await this.#options.credentialsManager.getCredentialProvider();
      const assumeRole = fromTemporaryCredentials({
        masterCredentials: main.sdkCredentialProvider,
        params: {
          RoleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
          RoleSessionName:
            this.#options.roleSessionName ?? DEFAULT_ROLE_SESSION_NAME,
        },
        clientConfig: { region: main.stsRegion ?? region },
      });
      // Shared by every client of this account and role, and refreshed
      // shortly before the session expires.
      provider = memoizeIdentityProvider(
        assumeRole,
        isIdentityExpired,
        doesIdentityRequireRefresh,
      )!;
      this.#assumedRoleProviders.set(key, provider);
    }
    return provider;
  }
}
