import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** Examples of `aws:servicecatalog:product:provision`, each run by a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Provision a product by id with its default artifact and only launch path',
    example: `steps:
  - id: provision
    action: aws:servicecatalog:product:provision
    name: Provision the shared bucket product
    input:
      product: prod-sra0bucket01
      provisionedProductName: payments-artifacts
      parameters:
        BucketPrefix: payments
      tags:
        application: payments
`,
  },
  {
    description:
      'Provision a product by name, choosing the artifact and launch path by name, in another Region with a longer timeout',
    example: `steps:
  - id: provision
    action: aws:servicecatalog:product:provision
    name: Provision the queue product
    input:
      product: Standard Queue
      provisioningArtifact: v2
      launchPath: Platform portfolio
      region: eu-west-1
      timeoutMinutes: 30
      parameters:
        QueueName: orders-events
`,
  },
];
