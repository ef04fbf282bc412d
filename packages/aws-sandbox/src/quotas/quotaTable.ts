/**
 * A request rate: `rate` calls a second sustained, `burst` at once.
 *
 * @public
 */
export interface QuotaRate {
  rate: number;
  burst: number;
}

/**
 * The rates the sandbox enforces per operation, account and Region. Keys
 * are `service` (every operation of the service) or `service:Operation`
 * (one operation, taking precedence). `source` says where a figure comes
 * from; see the README for the table.
 *
 * @public
 */
export const QUOTA_TABLE: Record<string, QuotaRate & { source: string }> = {
  'securityhub:GetFindings': {
    rate: 3,
    burst: 6,
    source: 'published (Security Hub quotas: GetFindings 3/s, burst 6)',
  },
  securityhub: {
    rate: 10,
    burst: 30,
    source: 'published (Security Hub quotas: other operations 10/s, burst 30)',
  },
  organizations: {
    rate: 10,
    burst: 20,
    source: 'assumption (Organizations publishes no per-operation rate)',
  },
  sts: {
    rate: 100,
    burst: 200,
    source: 'assumption (STS is throttled per account, not published per call)',
  },
  servicecatalog: {
    rate: 10,
    burst: 20,
    source: 'assumption (Service Catalog publishes no API rate)',
  },
  'servicecatalog:ProvisionProduct': {
    rate: 2,
    burst: 5,
    source: 'assumption (provisioning is the slow, guarded path)',
  },
  cloudformation: {
    rate: 10,
    burst: 20,
    source: 'assumption (CloudFormation throttles per account, unpublished)',
  },
  ec2: {
    rate: 20,
    burst: 100,
    source:
      'published shape (EC2 API throttling: describe calls bucket 100, refill 20/s)',
  },
  s3: {
    rate: 20,
    burst: 40,
    source: 'assumption (S3 Control account-level calls)',
  },
  inspector2: {
    rate: 10,
    burst: 20,
    source: 'assumption (Inspector publishes no API rate)',
  },
  guardduty: {
    rate: 10,
    burst: 20,
    source: 'assumption (GuardDuty publishes no API rate)',
  },
  config: {
    rate: 10,
    burst: 20,
    source: 'assumption (Config publishes per-operation rates close to this)',
  },
  'access-analyzer': {
    rate: 10,
    burst: 20,
    source: 'assumption (Access Analyzer publishes no API rate)',
  },
  default: {
    rate: 20,
    burst: 40,
    source: 'assumption for read calls of the other services',
  },
};
