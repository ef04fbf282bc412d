import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of `aws:cloudformation:stack:deploy`, each run by a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Deploy the SRA application network into a new account from a template fetched into the workspace',
    example: `steps:
  - id: network
    action: aws:cloudformation:stack:deploy
    name: Deploy the application network
    input:
      stackName: sra-application-network
      templatePath: sra-application-network.yaml
      accountId: '500000000003'
      roleName: AWSControlTowerExecution
      region: us-east-1
      parameters:
        VpcCidr: 10.20.0.0/16
      tags:
        application: payments
`,
  },
  {
    description: 'Deploy a template stored in S3 that creates named IAM roles',
    example: `steps:
  - id: roles
    action: aws:cloudformation:stack:deploy
    name: Deploy the application roles
    input:
      stackName: payments-roles
      templateUrl: https://example-bucket.s3.amazonaws.com/roles.yaml
      capabilities:
        - CAPABILITY_NAMED_IAM
      timeoutMinutes: 15
`,
  },
];
