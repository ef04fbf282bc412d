import { CheckLayer } from './types';

/**
 * A check of the SRA application-account baseline: what it verifies, where it
 * sits in the layered-defense view, which Security Hub controls carry its
 * verdict and how to fix a failure.
 *
 * @public
 */
export interface SraCheckDefinition {
  id: string;
  title: string;
  layer: CheckLayer;
  /** Security Hub controls (FSBP) whose findings decide the check. */
  controlIds: string[];
  /** Whether the setting exists per Region (evaluated in every Region). */
  regional: boolean;
  remediation: string;
}

/**
 * The SRA application-account baseline, in the order the SRA's layers are
 * read: instance, software, network, account.
 *
 * @public
 */
export const SRA_CHECKS: readonly SraCheckDefinition[] = [
  {
    id: 'imdsv2',
    title: 'EC2 instances require IMDSv2',
    layer: 'instance',
    controlIds: ['EC2.8'],
    regional: true,
    remediation:
      'Set HttpTokens to required on each listed instance (aws ec2 modify-instance-metadata-options --http-tokens required) and make it the account default with aws ec2 modify-instance-metadata-defaults --http-tokens required.',
  },
  {
    id: 'ebs-default-encryption',
    title: 'New EBS volumes are encrypted by default',
    layer: 'instance',
    controlIds: ['EC2.7'],
    regional: true,
    remediation:
      'Turn on EBS encryption by default in each listed Region: aws ec2 enable-ebs-encryption-by-default --region <region>.',
  },
  {
    id: 'ssm-managed',
    title: 'Instances are managed by Systems Manager',
    layer: 'software',
    controlIds: ['SSM.1'],
    regional: true,
    remediation:
      'Attach an instance profile with AmazonSSMManagedInstanceCore, make sure the SSM agent runs and that the instance reaches the ssm, ssmmessages and ec2messages endpoints; use Session Manager instead of SSH.',
  },
  {
    id: 'patch-compliance',
    title: 'Managed instances are patch-compliant',
    layer: 'software',
    controlIds: ['SSM.2'],
    regional: true,
    remediation:
      'Run AWS-RunPatchBaseline with Operation=Install on the listed instances through a Patch Manager maintenance window or patch policy.',
  },
  {
    id: 'inspector-enabled',
    title: 'Inspector scans EC2 and ECR',
    layer: 'software',
    controlIds: ['Inspector.1', 'Inspector.2'],
    regional: true,
    remediation:
      'From the Inspector delegated administrator, activate EC2 and ECR scanning for the account: aws inspector2 enable --account-ids <account> --resource-types EC2 ECR.',
  },
  {
    id: 'private-subnets',
    title: 'App and DB tiers in private subnets across two or more AZs',
    layer: 'network',
    controlIds: ['EC2.15'],
    regional: true,
    remediation:
      'Place workloads in subnets whose route tables have no 0.0.0.0/0 route to an internet gateway, turn off MapPublicIpOnLaunch, and spread each tier over at least two Availability Zones (the sra-application-network template does this).',
  },
  {
    id: 'no-open-admin-ports',
    title: 'No security group opens SSH or RDP to the world',
    layer: 'network',
    controlIds: ['EC2.13', 'EC2.19'],
    regional: true,
    remediation:
      'Remove ingress rules that allow 0.0.0.0/0 or ::/0 on ports 22 and 3389 from the listed security groups; reach instances through Session Manager.',
  },
  {
    id: 'flow-logs',
    title: 'VPC Flow Logs are active on every VPC',
    layer: 'network',
    controlIds: ['EC2.6'],
    regional: true,
    remediation:
      'Create a flow log for each listed VPC (aws ec2 create-flow-logs --resource-type VPC --traffic-type ALL) delivering to the Log Archive account.',
  },
  {
    id: 'vpc-endpoints',
    title: 'VPC endpoints for KMS, SSM and S3 with narrow policies',
    layer: 'network',
    controlIds: ['EC2.57'],
    regional: true,
    remediation:
      'Add interface endpoints for kms, ssm, ssmmessages and ec2messages and a gateway endpoint for S3 to each VPC, each with an endpoint policy that names the principals or the organization instead of Principal "*".',
  },
  {
    id: 'alb-tls',
    title: 'Load balancer listeners use TLS 1.2+ and HTTP redirects to HTTPS',
    layer: 'network',
    controlIds: ['ELB.1', 'ELB.17'],
    regional: true,
    remediation:
      'Serve HTTPS with a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06, and make every HTTP listener redirect to HTTPS.',
  },
  {
    id: 'certificate-expiry',
    title: 'Certificates in use are not within 30 days of expiry',
    layer: 'network',
    controlIds: ['ACM.1'],
    regional: true,
    remediation:
      'Renew or replace the listed ACM certificates; for DNS-validated certificates check that the validation CNAME records still exist so that ACM renews them itself.',
  },
  {
    id: 'waf',
    title: 'Application load balancers have a web ACL',
    layer: 'network',
    controlIds: ['WAF.10', 'ELB.16'],
    regional: true,
    remediation:
      'Associate an AWS WAF web ACL (for example with the AWS managed core rule set) with each listed load balancer.',
  },
  {
    id: 'guardduty',
    title: 'GuardDuty detector enabled',
    layer: 'account',
    controlIds: ['GuardDuty.1'],
    regional: true,
    remediation:
      'Enable GuardDuty for the account from the GuardDuty delegated administrator (Security Tooling) with auto-enable for new members.',
  },
  {
    id: 'config-recorder',
    title: 'AWS Config is recording',
    layer: 'account',
    controlIds: ['Config.1'],
    regional: true,
    remediation:
      'Start the configuration recorder (aws configservice start-configuration-recorder) and check that its delivery channel writes to the Log Archive account.',
  },
  {
    id: 'securityhub',
    title: 'Security Hub on with AWS Foundational Security Best Practices',
    layer: 'account',
    controlIds: [],
    regional: true,
    remediation:
      'Enable Security Hub for the account from the delegated administrator and subscribe to the AWS Foundational Security Best Practices standard.',
  },
  {
    id: 'access-analyzer',
    title: 'An active IAM Access Analyzer',
    layer: 'account',
    controlIds: ['IAM.28'],
    regional: true,
    remediation:
      'Create an external access analyzer in each governed Region: aws accessanalyzer create-analyzer --analyzer-name default --type ACCOUNT.',
  },
  {
    id: 's3-account-bpa',
    title: 'S3 Block Public Access on at account level',
    layer: 'account',
    controlIds: ['S3.1'],
    regional: false,
    remediation:
      'Turn on all four account-level Block Public Access settings: aws s3control put-public-access-block --account-id <account> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true.',
  },
  {
    id: 'kms-rotation',
    title: 'Customer-managed KMS keys rotate',
    layer: 'account',
    controlIds: ['KMS.4'],
    regional: true,
    remediation:
      'Enable automatic rotation on each listed symmetric customer-managed key: aws kms enable-key-rotation --key-id <key>.',
  },
  {
    id: 'secrets-rotation',
    title: 'Secrets Manager secrets rotate',
    layer: 'account',
    controlIds: ['SecretsManager.1'],
    regional: true,
    remediation:
      'Configure a rotation Lambda and schedule for each listed secret: aws secretsmanager rotate-secret --secret-id <secret> --rotation-lambda-arn <arn>.',
  },
  {
    id: 'aurora',
    title: 'Aurora clusters encrypted, IAM auth, private, Multi-AZ',
    layer: 'account',
    controlIds: ['RDS.27', 'RDS.12', 'RDS.15'],
    regional: true,
    remediation:
      'Encryption at rest can only be set at creation: restore an encrypted copy from a snapshot. Turn on IAM database authentication, set the instances to not publicly accessible and use a DB subnet group that spans at least two Availability Zones.',
  },
];

/** @public */
export function getSraCheck(id: string): SraCheckDefinition | undefined {
  return SRA_CHECKS.find(check => check.id === id);
}
