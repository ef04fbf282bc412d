import { AwsAccount } from '@sra-backstage/plugin-aws-accounts-node';
import { AwsAccountsProviderConfig } from './AwsAccountsProviderConfig';
import { toAccountEntity } from './toAccountEntity';

const organization = {
  id: 'o-sra0example1',
  arn: 'arn:aws:organizations::111111111111:organization/o-sra0example1',
  managementAccountId: '111111111111',
};

const config: AwsAccountsProviderConfig = {
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
  entityType: 'aws-account',
  ownerTag: 'owner',
  applicationTag: 'application',
  environmentTag: 'environment',
  includeSuspended: false,
  includeClosed: false,
};

function account(overrides: Partial<AwsAccount> = {}): AwsAccount {
  return {
    id: '500000000001',
    arn: 'arn:aws:organizations::111111111111:account/o-sra0example1/500000000001',
    name: 'payments-prod',
    email: 'aws+payments-prod@example.com',
    state: 'ACTIVE',
    organizationalUnitId: 'ou-sra0-prod0001',
    organizationalUnitPath: 'Root/Workloads/Prod',
    tags: {
      owner: 'team-payments',
      application: 'payments',
      environment: 'prod',
    },
    ...overrides,
  };
}

describe('toAccountEntity', () => {
  it('builds the Resource entity of an account', () => {
    expect(toAccountEntity(account(), organization, config)).toEqual({
      problems: [],
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'aws-account-500000000001',
          title: 'payments-prod',
          description:
            'AWS account payments-prod (500000000001) in Root/Workloads/Prod of organization o-sra0example1',
          annotations: {
            'backstage.io/managed-by-location':
              'url:https://console.aws.amazon.com/organizations/v2/home/accounts/500000000001',
            'backstage.io/managed-by-origin-location':
              'url:https://console.aws.amazon.com/organizations/v2/home/accounts/500000000001',
            'amazonaws.com/account-id': '500000000001',
            'amazonaws.com/arn':
              'arn:aws:organizations::111111111111:account/o-sra0example1/500000000001',
            'amazonaws.com/organization-id': 'o-sra0example1',
            'amazonaws.com/organizational-unit-id': 'ou-sra0-prod0001',
            'amazonaws.com/organizational-unit-path': 'Root/Workloads/Prod',
          },
          labels: {
            'amazonaws.com/account-status': 'ACTIVE',
            'amazonaws.com/environment': 'prod',
          },
          links: [
            {
              url: 'https://console.aws.amazon.com/organizations/v2/home/accounts/500000000001',
              title: 'AWS Organizations console',
              icon: 'cloud',
            },
          ],
        },
        spec: {
          type: 'aws-account',
          owner: 'group:default/team-payments',
          system: 'payments',
        },
      },
    });
  });

  it('keeps a namespaced system and a full owner reference', () => {
    const { entity } = toAccountEntity(
      account({
        tags: { owner: 'group:ops/sre', application: 'system:shop/orders' },
      }),
      organization,
      { ...config, entityType: 'cloud-account' },
    );

    expect(entity?.spec).toEqual({
      type: 'cloud-account',
      owner: 'group:ops/sre',
      system: 'shop/orders',
    });
  });

  it('uses the fallback owner for an untagged account, quietly', () => {
    const result = toAccountEntity(
      account({ tags: {}, organizationalUnitPath: 'Root' }),
      organization,
      { ...config, fallbackOwner: 'group:default/team-platform' },
    );

    expect(result.problems).toEqual([]);
    expect(result.entity?.spec).toEqual({
      type: 'aws-account',
      owner: 'group:default/team-platform',
    });
    expect(result.entity?.metadata.labels).toEqual({
      'amazonaws.com/account-status': 'ACTIVE',
    });
  });

  it('leaves out an account without an owner when no fallback is set', () => {
    expect(
      toAccountEntity(account({ tags: {} }), organization, config),
    ).toEqual({ problems: ['owner-missing'] });
  });

  it('reports unusable tags and works around them', () => {
    const result = toAccountEntity(
      account({
        tags: {
          owner: 'Team Payments',
          application: 'group:default/payments',
          environment: 'prod env',
        },
      }),
      organization,
      { ...config, fallbackOwner: 'group:default/team-platform' },
    );

    expect(result.problems).toEqual([
      'owner-tag-invalid',
      'application-tag-invalid',
      'environment-tag-invalid',
    ]);
    expect(result.entity?.spec).toEqual({
      type: 'aws-account',
      owner: 'group:default/team-platform',
    });
    expect(result.entity?.metadata.labels?.['amazonaws.com/environment']).toBe(
      'prod',
    );
  });

  it('titles an account without a name by its id and labels its state', () => {
    const { entity } = toAccountEntity(
      account({ name: '', state: 'SUSPENDED' }),
      organization,
      config,
    );

    expect(entity?.metadata.title).toBe('500000000001');
    expect(entity?.metadata.labels?.['amazonaws.com/account-status']).toBe(
      'SUSPENDED',
    );
  });
});
