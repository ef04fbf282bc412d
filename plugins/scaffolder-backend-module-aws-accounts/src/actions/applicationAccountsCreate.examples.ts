import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of `aws:application-accounts:create`, each run by a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Vend, tag and baseline the staging and dev accounts of an application',
    example: `steps:
  - id: accounts
    action: aws:application-accounts:create
    name: Create the application's accounts
    input:
      application: system:default/orders
      owner: group:default/team-orders
      environments:
        - staging
        - dev
      ssoUser:
        email: john.roe@example.com
        firstName: John
        lastName: Roe
`,
  },
  {
    description:
      'Vend a production account without the baseline, one account at a time',
    example: `steps:
  - id: accounts
    action: aws:application-accounts:create
    name: Create the application's accounts
    input:
      application: inventory
      owner: team-platform
      environments:
        - prod
      baseline: false
      concurrency: 1
      ssoUser:
        email: jane.doe@example.com
        firstName: Jane
        lastName: Doe
`,
  },
];
