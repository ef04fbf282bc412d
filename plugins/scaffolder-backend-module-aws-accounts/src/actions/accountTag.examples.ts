import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of `aws:account:tag`, each run by a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Tag an account with the entity references the form pickers produce',
    example: `steps:
  - id: tag
    action: aws:account:tag
    name: Tag the account
    input:
      accountId: '500000000003'
      owner: group:default/team-payments
      application: system:default/payments
      environment: dev
`,
  },
  {
    description: 'Tag an account with plain names and an extra cost-center tag',
    example: `steps:
  - id: tag
    action: aws:account:tag
    name: Tag the account
    input:
      accountId: '600000000003'
      owner: team-orders
      application: orders
      environment: dev
      tags:
        cost-center: '4711'
`,
  },
];
