/**
 * The FSBP controls that the SRA baseline checks map to, with the severity
 * Security Hub gives them and the resource type their findings name.
 * `failsInNoncompliant` marks the controls a noncompliant account fails.
 */
export interface SecurityControl {
  id: string;
  title: string;
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
  resourceType: string;
  failsInNoncompliant: boolean;
}

export const SECURITY_CONTROLS: readonly SecurityControl[] = [
  {
    id: 'EC2.8',
    title:
      'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)',
    severity: 'HIGH',
    resourceType: 'AwsEc2Instance',
    failsInNoncompliant: true,
  },
  {
    id: 'EC2.7',
    title: 'EBS default encryption should be enabled',
    severity: 'MEDIUM',
    resourceType: 'AwsAccount',
    failsInNoncompliant: true,
  },
  {
    id: 'S3.1',
    title:
      'S3 general purpose buckets should have block public access settings enabled',
    severity: 'MEDIUM',
    resourceType: 'AwsAccount',
    failsInNoncompliant: true,
  },
  {
    id: 'EC2.6',
    title: 'VPC flow logging should be enabled in all VPCs',
    severity: 'MEDIUM',
    resourceType: 'AwsEc2Vpc',
    failsInNoncompliant: true,
  },
  {
    id: 'EC2.13',
    title:
      'Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 22',
    severity: 'HIGH',
    resourceType: 'AwsEc2SecurityGroup',
    failsInNoncompliant: true,
  },
  {
    id: 'EC2.19',
    title:
      'Security groups should not allow unrestricted access to ports with high risk',
    severity: 'CRITICAL',
    resourceType: 'AwsEc2SecurityGroup',
    failsInNoncompliant: true,
  },
  {
    id: 'EC2.15',
    title:
      'Amazon EC2 subnets should not automatically assign public IP addresses',
    severity: 'MEDIUM',
    resourceType: 'AwsEc2Subnet',
    failsInNoncompliant: false,
  },
  {
    id: 'SSM.1',
    title: 'Amazon EC2 instances should be managed by AWS Systems Manager',
    severity: 'MEDIUM',
    resourceType: 'AwsEc2Instance',
    failsInNoncompliant: false,
  },
  {
    id: 'SSM.2',
    title:
      'Amazon EC2 instances managed by Systems Manager should have a patch compliance status of COMPLIANT after a patch installation',
    severity: 'HIGH',
    resourceType: 'AwsEc2Instance',
    failsInNoncompliant: false,
  },
  {
    id: 'Inspector.1',
    title: 'Amazon Inspector EC2 scanning should be enabled',
    severity: 'HIGH',
    resourceType: 'AwsAccount',
    failsInNoncompliant: false,
  },
  {
    id: 'Inspector.2',
    title: 'Amazon Inspector ECR scanning should be enabled',
    severity: 'HIGH',
    resourceType: 'AwsAccount',
    failsInNoncompliant: false,
  },
  {
    id: 'EC2.57',
    title:
      'Amazon EC2 should be configured to use VPC endpoints that are created for the AWS Systems Manager service',
    severity: 'MEDIUM',
    resourceType: 'AwsEc2Vpc',
    failsInNoncompliant: false,
  },
  {
    id: 'ELB.1',
    title:
      'Application Load Balancer should be configured to redirect all HTTP requests to HTTPS',
    severity: 'MEDIUM',
    resourceType: 'AwsElbv2LoadBalancer',
    failsInNoncompliant: false,
  },
  {
    id: 'ELB.17',
    title:
      'Application and Network Load Balancers with listeners should use recommended security policies',
    severity: 'MEDIUM',
    resourceType: 'AwsElbv2LoadBalancer',
    failsInNoncompliant: false,
  },
  {
    id: 'ACM.1',
    title:
      'Imported and ACM-issued certificates should be renewed after a specified time period',
    severity: 'MEDIUM',
    resourceType: 'AwsCertificateManagerCertificate',
    failsInNoncompliant: false,
  },
  {
    id: 'WAF.10',
    title: 'AWS WAF web ACLs should have at least one rule or rule group',
    severity: 'MEDIUM',
    resourceType: 'AwsWafv2WebAcl',
    failsInNoncompliant: false,
  },
  {
    id: 'GuardDuty.1',
    title: 'GuardDuty should be enabled',
    severity: 'HIGH',
    resourceType: 'AwsAccount',
    failsInNoncompliant: false,
  },
  {
    id: 'Config.1',
    title:
      'AWS Config should be enabled and use the service-linked role for resource recording',
    severity: 'CRITICAL',
    resourceType: 'AwsAccount',
    failsInNoncompliant: false,
  },
  {
    id: 'IAM.28',
    title: 'IAM Access Analyzer external access analyzer should be enabled',
    severity: 'HIGH',
    resourceType: 'AwsAccount',
    failsInNoncompliant: false,
  },
  {
    id: 'KMS.4',
    title: 'AWS KMS key rotation should be enabled',
    severity: 'MEDIUM',
    resourceType: 'AwsKmsKey',
    failsInNoncompliant: false,
  },
  {
    id: 'SecretsManager.1',
    title: 'Secrets Manager secrets should have automatic rotation enabled',
    severity: 'MEDIUM',
    resourceType: 'AwsSecretsManagerSecret',
    failsInNoncompliant: false,
  },
  {
    id: 'RDS.27',
    title: 'RDS DB clusters should be encrypted at rest',
    severity: 'MEDIUM',
    resourceType: 'AwsRdsDbCluster',
    failsInNoncompliant: false,
  },
  {
    id: 'RDS.12',
    title: 'IAM authentication should be configured for RDS clusters',
    severity: 'MEDIUM',
    resourceType: 'AwsRdsDbCluster',
    failsInNoncompliant: false,
  },
  {
    id: 'RDS.15',
    title:
      'RDS DB clusters should be configured for multiple Availability Zones',
    severity: 'MEDIUM',
    resourceType: 'AwsRdsDbCluster',
    failsInNoncompliant: false,
  },
];
