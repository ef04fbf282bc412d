import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of `aws:account:baseline`, each run by a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Baseline a new account in the governed Regions through AWSControlTowerExecution',
    example: `steps:
  - id: baseline
    action: aws:account:baseline
    name: Apply the SRA baseline
    input:
      accountId: '500000000003'
`,
  },
  {
    description:
      'Baseline an existing account in chosen Regions through another role',
    example: `steps:
  - id: baseline
    action: aws:account:baseline
    name: Apply the SRA baseline
    input:
      accountId: '600000000003'
      roleName: OrganizationAccountAccessRole
      regions:
        - eu-west-1
`,
  },
];
