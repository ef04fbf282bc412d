import { ConfigReader } from '@backstage/config';
import { readVendingSettings } from './readVendingSettings';

describe('readVendingSettings', () => {
  it('applies the defaults', () => {
    const settings = readVendingSettings(new ConfigReader({}));

    expect(settings).toMatchObject({
      homeRegion: 'us-east-1',
      governedRegions: ['us-east-1'],
      accountFactory: { productName: 'AWS Control Tower Account Factory' },
      organizationalUnits: {},
      accountNamePattern: '{application}-{environment}',
      timeoutMs: 60 * 60 * 1000,
      polling: { initialIntervalMs: 5000, maxIntervalMs: 30000 },
      busyRetry: { attempts: 6, initialDelayMs: 30000, maxDelayMs: 300000 },
      baselineRoleName: 'AWSControlTowerExecution',
      maxConcurrentAccounts: 1,
    });
    expect(settings.accountEmailPattern).toBeUndefined();
  });

  it('reads every setting', () => {
    const settings = readVendingSettings(
      new ConfigReader({
        awsAccounts: {
          region: 'eu-west-1',
          regions: ['eu-west-1', 'eu-central-1'],
          organization: { accountId: '111111111111', roleName: 'OrgRead' },
          vending: {
            accountFactory: {
              productId: 'prod-sra0accfactry',
              provisioningArtifactId: 'pa-sra0accfactry',
              launchPathId: 'lpv3-sra0accfactry',
            },
            organizationalUnits: { prod: 'ou-sra0-prod0001' },
            accountEmailPattern: 'aws+{application}-{environment}@example.com',
            timeoutMinutes: 90,
            polling: { initialIntervalSeconds: 2, maxIntervalSeconds: 10 },
            busyRetry: {
              attempts: 3,
              initialDelaySeconds: 10,
              maxDelaySeconds: 60,
            },
            baselineRoleName: 'VendingRole',
            maxConcurrentAccounts: 5,
          },
        },
      }),
    );

    expect(settings).toEqual({
      homeRegion: 'eu-west-1',
      governedRegions: ['eu-west-1', 'eu-central-1'],
      organization: { accountId: '111111111111', roleName: 'OrgRead' },
      accountFactory: {
        productId: 'prod-sra0accfactry',
        productName: 'AWS Control Tower Account Factory',
        provisioningArtifactId: 'pa-sra0accfactry',
        launchPathId: 'lpv3-sra0accfactry',
      },
      organizationalUnits: { prod: 'ou-sra0-prod0001' },
      accountEmailPattern: 'aws+{application}-{environment}@example.com',
      accountNamePattern: '{application}-{environment}',
      timeoutMs: 90 * 60 * 1000,
      polling: { initialIntervalMs: 2000, maxIntervalMs: 10000 },
      busyRetry: { attempts: 3, initialDelayMs: 10000, maxDelayMs: 60000 },
      baselineRoleName: 'VendingRole',
      maxConcurrentAccounts: 5,
    });
  });

  it('names the environment whose unit is not an id', () => {
    expect(() =>
      readVendingSettings(
        new ConfigReader({
          awsAccounts: {
            vending: { organizationalUnits: { prod: 'Prod' } },
          },
        }),
      ),
    ).toThrow(
      'awsAccounts.vending.organizationalUnits.prod is "Prod", which is not an organizational unit id',
    );
  });
});
