import { AwsAccount } from '@sra-backstage/plugin-aws-accounts-node';
import { resolveEnvironment } from './resolveEnvironment';

function account(path: string, tags?: Record<string, string>): AwsAccount {
  return {
    id: '500000000001',
    arn: 'arn:aws:organizations::111111111111:account/o-sra0example1/500000000001',
    name: 'payments-prod',
    email: 'aws+payments-prod@example.com',
    state: 'ACTIVE',
    organizationalUnitId: 'ou-sra0-prod0001',
    organizationalUnitPath: path,
    tags,
  };
}

describe('resolveEnvironment', () => {
  it('takes the tag, lower-cased', () => {
    expect(
      resolveEnvironment(
        account('Root/Workloads/Prod', { environment: 'QA' }),
        'environment',
      ),
    ).toEqual({ environment: 'qa', source: 'tag' });
  });

  it.each([
    ['Root/Workloads/Prod', 'prod'],
    ['Root/Workloads/Staging', 'staging'],
    ['Root/Workloads/Dev', 'dev'],
    ['Root/Workloads/Production/Team-A', 'prod'],
  ])('falls back to the nearest environment unit in %s', (path, expected) => {
    expect(resolveEnvironment(account(path, {}), 'environment')).toEqual({
      environment: expected,
      source: 'organizationalUnit',
    });
  });

  it('has none for units that are not environments', () => {
    expect(resolveEnvironment(account('Root/Security'), 'environment')).toEqual(
      {},
    );
    // A root that happens to be named like an environment does not count.
    expect(resolveEnvironment(account('Prod'), 'environment')).toEqual({});
  });

  it('reports a tag value that cannot be a label and uses the unit', () => {
    expect(
      resolveEnvironment(
        account('Root/Workloads/Dev', { env: 'dev (shared)' }),
        'env',
      ),
    ).toEqual({
      environment: 'dev',
      source: 'organizationalUnit',
      rejectedTagValue: 'dev (shared)',
    });
  });
});
