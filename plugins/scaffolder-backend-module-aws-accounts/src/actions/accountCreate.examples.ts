import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of `aws:account:create`, each run by a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Vend an account into an organizational unit given by id, with its SSO user',
    example: `steps:
  - id: create
    action: aws:account:create
    name: Create the account
    input:
      accountName: payments-qa
      accountEmail: aws+payments-qa@example.com
      organizationalUnit: ou-sra0-dev00001
      ssoUser:
        email: jane.doe@example.com
        firstName: Jane
        lastName: Doe
`,
  },
  {
    description:
      'Vend an account into an organizational unit given by its name, reusing the account when a rerun finds it already created',
    example: `steps:
  - id: create
    action: aws:account:create
    name: Create the account
    input:
      accountName: orders-qa
      accountEmail: aws+orders-qa@example.com
      organizationalUnit: Staging
      existingAccount: reuse
      ssoUser:
        email: john.roe@example.com
        firstName: John
        lastName: Roe
`,
  },
  {
    description:
      'Vend an application account whose name, email and unit come from the configured patterns and the environment',
    example: `steps:
  - id: create
    action: aws:account:create
    name: Create the account
    input:
      application: system:default/payments
      environment: staging
      ssoUser:
        email: jane.doe@example.com
        firstName: Jane
        lastName: Doe
`,
  },
];
