import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';

const iam = (file: string) =>
  readFileSync(
    resolvePackagePath(
      '@sra-backstage/plugin-aws-accounts-backend',
      'iam',
      file,
    ),
    'utf8',
  );

function policyActions(file: string): string[] {
  const document = JSON.parse(iam(file));
  return document.Statement.flatMap(
    (statement: { Action: string | string[] }) =>
      Array.isArray(statement.Action) ? statement.Action : [statement.Action],
  ).sort();
}

function templateActions(): string[] {
  return [
    ...iam('posture-read-role.yaml').matchAll(
      /^\s+- ([a-z0-9-]+:[A-Za-z0-9]+)$/gm,
    ),
  ]
    .map(match => match[1])
    .sort();
}

describe('IAM documents', () => {
  it('the CloudFormation role grants exactly the per-account policy', () => {
    expect(templateActions()).toEqual(
      policyActions('posture-read-policy.json'),
    );
  });

  it('the per-account role covers what the delegated administrator reads, for perAccount mode', () => {
    const perAccount = new Set(policyActions('posture-read-policy.json'));
    for (const action of policyActions('security-tooling-read-policy.json')) {
      expect(perAccount).toContain(action);
    }
  });

  it('grants only reads', () => {
    for (const action of [
      ...policyActions('posture-read-policy.json'),
      ...policyActions('security-tooling-read-policy.json'),
      ...policyActions('management-read-policy.json'),
    ]) {
      expect(action).toMatch(/:(Describe|Get|List|BatchGet|Search)/);
    }
  });
});
