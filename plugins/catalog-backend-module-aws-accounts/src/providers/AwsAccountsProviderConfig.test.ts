import { ConfigReader } from '@backstage/config';
import {
  readAwsAccountsProviderConfig,
  toEntityReference,
} from './AwsAccountsProviderConfig';

function read(awsAccounts: object) {
  return readAwsAccountsProviderConfig(
    new ConfigReader({ catalog: { providers: { awsAccounts } } }),
  );
}

describe('readAwsAccountsProviderConfig', () => {
  it('is undefined without the section, so the provider stays off', () => {
    expect(
      readAwsAccountsProviderConfig(new ConfigReader({ catalog: {} })),
    ).toBeUndefined();
  });

  it('applies the defaults', () => {
    expect(read({})).toEqual({
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 25 },
        initialDelay: { seconds: 15 },
      },
      entityType: 'aws-account',
      ownerTag: 'owner',
      fallbackOwner: undefined,
      applicationTag: 'application',
      environmentTag: 'environment',
      includeSuspended: false,
      includeClosed: false,
      requestsPerSecond: undefined,
      maxConcurrency: undefined,
    });
  });

  it('reads every setting', () => {
    expect(
      read({
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
        entityType: 'cloud-account',
        ownerTag: 'team',
        fallbackOwner: 'team-platform',
        applicationTag: 'app',
        environmentTag: 'env',
        includeSuspended: true,
        includeClosed: true,
        requestsPerSecond: 5,
        maxConcurrency: 2,
      }),
    ).toEqual({
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
      entityType: 'cloud-account',
      ownerTag: 'team',
      fallbackOwner: 'group:default/team-platform',
      applicationTag: 'app',
      environmentTag: 'env',
      includeSuspended: true,
      includeClosed: true,
      requestsPerSecond: 5,
      maxConcurrency: 2,
    });
  });

  it.each([
    [
      { fallbackOwner: 'team platform' },
      "catalog.providers.awsAccounts.fallbackOwner 'team platform' is not an entity reference; use a group name such as 'team-platform' or a reference such as 'group:default/team-platform'",
    ],
    [
      { entityType: 'AWS account' },
      "catalog.providers.awsAccounts.entityType 'AWS account' is not a valid spec.type",
    ],
    [
      { ownerTag: ' ' },
      "catalog.providers.awsAccounts.ownerTag is empty; give the tag key to read, or remove the setting to use 'owner'",
    ],
    [
      { requestsPerSecond: 0 },
      'catalog.providers.awsAccounts.requestsPerSecond must be above 0, got 0',
    ],
    [
      { maxConcurrency: 1.5 },
      'catalog.providers.awsAccounts.maxConcurrency must be a whole number, got 1.5',
    ],
  ])('rejects %o', (settings, message) => {
    expect(() => read(settings)).toThrow(message);
  });
});

describe('toEntityReference', () => {
  it.each([
    ['team-payments', 'group', 'group:default/team-payments'],
    ['group:ops/sre', 'group', 'group:ops/sre'],
    ['user:jane.doe', 'group', 'user:default/jane.doe'],
    ['payments', 'system', 'system:default/payments'],
    [' payments ', 'system', 'system:default/payments'],
  ])('reads %s as a %s reference', (value, kind, expected) => {
    expect(toEntityReference(value, kind)).toBe(expected);
  });

  it.each(['team payments', 'a/b/c', '-team', ''])('rejects %j', value => {
    expect(toEntityReference(value, 'group')).toBeUndefined();
  });
});
