import { SECURITY_CONTROLS } from '../seed/findings/securityControls';
import { SeedBaselineProfile } from '../seed/defaultOrganization';
import { hexDigest, uuidFrom } from '../seed/resourceId';
import { daysFromSeedToday } from '../seed/seedClock';
import { Ec2Resources } from '../services/ec2/Ec2Resources';

const SEEDED_AT = new Date('2025-06-01T08:00:00Z');
const DAY_MS = 86400000;

/**
 * The account's workload and security-service resources in one Region
 * beyond EC2, as the other read calls of the baseline checks see them.
 * Every profile passes these checks; a `fresh` account has the Control
 * Tower baseline (Config, GuardDuty, an analyzer) and no workload yet.
 */
export interface WorkloadResources {
  configRecorder: {
    name: string;
    recording: boolean;
    lastStatus: 'SUCCESS' | 'FAILURE' | 'PENDING';
    lastStartTime: Date;
  };
  configRules: {
    name: string;
    controlId: string;
    compliant: boolean;
    nonCompliantCount: number;
  }[];
  analyzers: {
    arn: string;
    name: string;
    type: 'ACCOUNT' | 'ORGANIZATION';
    status: 'ACTIVE';
    createdAt: Date;
  }[];
  analyzerFindings: {
    id: string;
    resource: string;
    resourceType: string;
    status: 'ACTIVE' | 'ARCHIVED' | 'RESOLVED';
    createdAt: Date;
    updatedAt: Date;
  }[];
  ssmInstances: {
    instanceId: string;
    pingStatus: 'Online' | 'ConnectionLost';
    patchCompliant: boolean;
  }[];
  loadBalancers: {
    arn: string;
    name: string;
    dnsName: string;
    vpcId: string;
    subnets: { subnetId: string; zone: string }[];
    securityGroups: string[];
  }[];
  listeners: {
    arn: string;
    loadBalancerArn: string;
    port: number;
    protocol: 'HTTP' | 'HTTPS';
    sslPolicy?: string;
    certificateArn?: string;
    redirect: boolean;
  }[];
  certificates: {
    arn: string;
    domainName: string;
    notBefore: Date;
    notAfter: Date;
    inUseBy: string[];
  }[];
  keys: {
    keyId: string;
    arn: string;
    manager: 'CUSTOMER' | 'AWS';
    rotation: boolean;
    description: string;
  }[];
  secrets: {
    arn: string;
    name: string;
    rotationEnabled: boolean;
    lastRotated?: Date;
  }[];
  dbClusters: {
    id: string;
    arn: string;
    encrypted: boolean;
    iamAuth: boolean;
    publiclyAccessible: boolean;
    multiAz: boolean;
    zones: string[];
    subnetGroup: string;
    kmsKeyId?: string;
  }[];
  webAcls: {
    id: string;
    name: string;
    arn: string;
    associated: string[];
    rules: number;
  }[];
}

export function seedWorkloadResources(
  accountId: string,
  region: string,
  profile: SeedBaselineProfile,
  ec2: Ec2Resources,
): WorkloadResources {
  const failing = new Set(
    profile === 'noncompliant'
      ? SECURITY_CONTROLS.filter(c => c.failsInNoncompliant).map(c => c.id)
      : [],
  );
  const resources: WorkloadResources = {
    configRecorder: {
      name: 'aws-controltower-BaselineConfigRecorder',
      recording: true,
      lastStatus: 'SUCCESS',
      lastStartTime: SEEDED_AT,
    },
    configRules: SECURITY_CONTROLS.map(control => ({
      name: `securityhub-${control.id
        .toLowerCase()
        .replace('.', '-')}-${hexDigest(`${accountId}/${control.id}`, 8)}`,
      controlId: control.id,
      compliant: !failing.has(control.id),
      nonCompliantCount: failing.has(control.id)
        ? 1 + (control.id.length % 3)
        : 0,
    })),
    analyzers: [
      {
        arn: `arn:aws:access-analyzer:${region}:${accountId}:analyzer/ConsoleAnalyzer-${uuidFrom(
          accountId,
          region,
        )}`,
        name: `ConsoleAnalyzer-${uuidFrom(accountId, region).slice(0, 8)}`,
        type: 'ACCOUNT',
        status: 'ACTIVE',
        createdAt: SEEDED_AT,
      },
    ],
    analyzerFindings: [],
    ssmInstances: ec2.instances.map(instance => ({
      instanceId: instance.instanceId,
      pingStatus: 'Online',
      patchCompliant: true,
    })),
    loadBalancers: [],
    listeners: [],
    certificates: [],
    keys: [
      {
        keyId: uuidFrom(accountId, region, 'aws/ebs'),
        arn: '',
        manager: 'AWS',
        rotation: true,
        description:
          'Default key that protects my EBS volumes when no other key is defined',
      },
    ],
    secrets: [],
    dbClusters: [],
    webAcls: [],
  };
  resources.keys[0].arn = `arn:aws:kms:${region}:${accountId}:key/${resources.keys[0].keyId}`;
  if (profile === 'fresh') {
    return resources;
  }

  resources.analyzerFindings = (
    ['ACTIVE', 'ARCHIVED', 'RESOLVED'] as const
  ).map((status, i) => ({
    id: uuidFrom(accountId, region, 'analyzer-finding', i),
    resource: `arn:aws:iam::${accountId}:role/${
      ['partner-reporting', 'legacy-sync', 'vendor-audit'][i]
    }`,
    resourceType: 'AWS::IAM::Role',
    status,
    createdAt: new Date(SEEDED_AT.getTime() + i * DAY_MS),
    updatedAt: new Date(SEEDED_AT.getTime() + (i + 30) * DAY_MS),
  }));

  const publicSubnets = ec2.subnets.filter(
    s =>
      s.tagSet.some(t => t.key === 'Tier' && t.value === 'public') &&
      s.vpcId === ec2.vpcs[0].vpcId,
  );
  const albSg = ec2.securityGroups.find(g => g.groupName === 'alb');
  const albArn = `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/app/app-alb/${hexDigest(
    `${accountId}/${region}/alb`,
    16,
  )}`;
  const certArn = `arn:aws:acm:${region}:${accountId}:certificate/${uuidFrom(
    accountId,
    region,
    'cert',
  )}`;
  resources.loadBalancers.push({
    arn: albArn,
    name: 'app-alb',
    dnsName: `app-alb-${hexDigest(accountId, 10)}.${region}.elb.amazonaws.com`,
    vpcId: ec2.vpcs[0].vpcId,
    subnets: publicSubnets.map(s => ({
      subnetId: s.subnetId,
      zone: s.availabilityZone,
    })),
    securityGroups: albSg ? [albSg.groupId] : [],
  });
  resources.listeners.push(
    {
      arn: `${albArn.replace(':loadbalancer/', ':listener/')}/${hexDigest(
        `${albArn}/443`,
        16,
      )}`,
      loadBalancerArn: albArn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificateArn: certArn,
      redirect: false,
    },
    {
      arn: `${albArn.replace(':loadbalancer/', ':listener/')}/${hexDigest(
        `${albArn}/80`,
        16,
      )}`,
      loadBalancerArn: albArn,
      port: 80,
      protocol: 'HTTP',
      redirect: true,
    },
  );
  resources.certificates.push({
    arn: certArn,
    domainName: `app.${accountId}.example.com`,
    notBefore: daysFromSeedToday(-180),
    notAfter: daysFromSeedToday(210),
    inUseBy: [albArn],
  });
  const appKey = uuidFrom(accountId, region, 'app-key');
  resources.keys.push({
    keyId: appKey,
    arn: `arn:aws:kms:${region}:${accountId}:key/${appKey}`,
    manager: 'CUSTOMER',
    rotation: true,
    description: 'Application data key',
  });
  resources.secrets.push({
    arn: `arn:aws:secretsmanager:${region}:${accountId}:secret:app/db-credentials-${hexDigest(
      accountId,
      6,
    )}`,
    name: 'app/db-credentials',
    rotationEnabled: true,
    lastRotated: daysFromSeedToday(-15),
  });
  const dbSubnets = ec2.subnets.filter(s =>
    s.tagSet.some(t => t.key === 'Tier' && t.value === 'db'),
  );
  resources.dbClusters.push({
    id: 'app-db',
    arn: `arn:aws:rds:${region}:${accountId}:cluster:app-db`,
    encrypted: true,
    iamAuth: true,
    publiclyAccessible: false,
    multiAz: true,
    zones: [...new Set(dbSubnets.map(s => s.availabilityZone))],
    subnetGroup: 'app-db-subnets',
    kmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${appKey}`,
  });
  const aclId = uuidFrom(accountId, region, 'web-acl');
  resources.webAcls.push({
    id: aclId,
    name: 'app-web-acl',
    arn: `arn:aws:wafv2:${region}:${accountId}:regional/webacl/app-web-acl/${aclId}`,
    associated: [albArn],
    rules: 3,
  });
  return resources;
}
