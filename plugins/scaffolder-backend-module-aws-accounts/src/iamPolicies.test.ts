import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type PolicyStatement = {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
};

function actionsOf(file: string): string[] {
  const policy = JSON.parse(
    readFileSync(resolve(__dirname, '..', 'iam', file), 'utf8'),
  ) as { Statement: PolicyStatement[] };
  return policy.Statement.flatMap(statement => {
    expect(statement.Effect).toBe('Allow');
    return ([] as string[]).concat(statement.Action);
  });
}

/** Every AWS operation the actions call, by the principal that calls it. */
const callsFromTheVendingPrincipal = [
  'organizations:DescribeOrganization',
  'organizations:ListRoots',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:ListAccountsForParent',
  'organizations:TagResource',
  'servicecatalog:DescribeProduct',
  'servicecatalog:ProvisionProduct',
  'servicecatalog:DescribeRecord',
  'servicecatalog:DescribeProvisionedProduct',
  'cloudformation:DescribeStackEvents',
  'sts:AssumeRole',
];
const callsInsideTheAccount = [
  'ec2:GetEbsEncryptionByDefault',
  'ec2:EnableEbsEncryptionByDefault',
  'ec2:GetInstanceMetadataDefaults',
  'ec2:ModifyInstanceMetadataDefaults',
  's3:GetAccountPublicAccessBlock',
  's3:PutAccountPublicAccessBlock',
];

describe('IAM policies in iam/', () => {
  it('grant the vending principal exactly what the actions call, without wildcards', () => {
    const actions = actionsOf('vending-role-policy.json');

    expect([...actions].sort()).toEqual(
      [...callsFromTheVendingPrincipal].sort(),
    );
    expect(actions.filter(action => action.includes('*'))).toEqual([]);
  });

  it('grant the baseline role exactly the account-level settings', () => {
    const actions = actionsOf('baseline-role-policy.json');

    expect([...actions].sort()).toEqual([...callsInsideTheAccount].sort());
  });
});
