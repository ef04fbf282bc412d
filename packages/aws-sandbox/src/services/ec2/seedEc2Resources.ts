import { SeedBaselineProfile } from '../../seed/defaultOrganization';
import { resourceId } from '../../seed/resourceId';
import { daysFromSeedToday } from '../../seed/seedClock';
import {
  Ec2Resources,
  Instance,
  IpPermission,
  SecurityGroup,
  Subnet,
  VpcEndpoint,
} from './Ec2Resources';

const SEEDED_AT = daysFromSeedToday(-300);

function permission(
  port: number,
  cidrs: string[],
  groupIds: string[] = [],
  ownerId = '',
): IpPermission {
  return {
    ipProtocol: 'tcp',
    fromPort: port,
    toPort: port,
    ipRanges: cidrs.map(cidrIp => ({ cidrIp })),
    ipv6Ranges: [],
    groups: groupIds.map(groupId => ({ groupId, userId: ownerId })),
    prefixListIds: [],
  };
}

const ALL_EGRESS: IpPermission = {
  ipProtocol: '-1',
  ipRanges: [{ cidrIp: '0.0.0.0/0' }],
  ipv6Ranges: [],
  groups: [],
  prefixListIds: [],
};

/**
 * A narrow endpoint policy: only principals of the organization.
 */
function endpointPolicy(organizationId: string) {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: '*',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:PrincipalOrgID': organizationId },
        },
      },
    ],
  });
}

function tierOf(subnet: Subnet) {
  return subnet.tagSet.find(tag => tag.key === 'Tier')?.value;
}

interface Builder {
  accountId: string;
  region: string;
  organizationId: string;
  resources: Ec2Resources;
}

function addVpc(
  b: Builder,
  name: string,
  cidrPrefix: string,
  options: { isDefault?: boolean; flowLogs: boolean },
) {
  const { accountId, region, resources } = b;
  const vpcId = resourceId('vpc', accountId, region, name);
  resources.vpcs.push({
    vpcId,
    cidrBlock: `${cidrPrefix}.0.0/16`,
    state: 'available',
    isDefault: options.isDefault ?? false,
    ownerId: accountId,
    instanceTenancy: 'default',
    dhcpOptionsId: resourceId('dopt', accountId, region),
    tagSet: options.isDefault ? [] : [{ key: 'Name', value: name }],
  });

  const zones = ['a', 'b'];
  const tiers = options.isDefault
    ? [{ tier: 'default' }]
    : [{ tier: 'public' }, { tier: 'app' }, { tier: 'db' }];
  const subnets: Subnet[] = [];
  tiers.forEach((tier, tierIndex) =>
    zones.forEach((zone, zoneIndex) => {
      const subnetId = resourceId(
        'subnet',
        accountId,
        region,
        name,
        tier.tier,
        zone,
      );
      subnets.push({
        subnetId,
        subnetArn: `arn:aws:ec2:${region}:${accountId}:subnet/${subnetId}`,
        vpcId,
        cidrBlock: `${cidrPrefix}.${tierIndex * 16 + zoneIndex * 8}.0/21`,
        availabilityZone: `${region}${zone}`,
        availabilityZoneId: `${region.slice(0, 3)}${region.slice(-1)}-az${
          zoneIndex + 1
        }`,
        availableIpAddressCount: 2000 - tierIndex * 10,
        mapPublicIpOnLaunch: Boolean(options.isDefault),
        defaultForAz: options.isDefault ?? false,
        state: 'available',
        ownerId: accountId,
        tagSet: options.isDefault
          ? []
          : [
              { key: 'Name', value: `${name}-${tier.tier}-${zone}` },
              { key: 'Tier', value: tier.tier },
            ],
      });
    }),
  );
  resources.subnets.push(...subnets);

  const igw = resourceId('igw', accountId, region, name);
  const nat = resourceId('nat', accountId, region, name);
  const publicTable = resourceId('rtb', accountId, region, name, 'public');
  const privateTable = resourceId('rtb', accountId, region, name, 'private');
  const local = {
    destinationCidrBlock: `${cidrPrefix}.0.0/16`,
    gatewayId: 'local',
    state: 'active' as const,
    origin: 'CreateRouteTable' as const,
  };
  const associate = (routeTableId: string, subnet: Subnet) => ({
    routeTableAssociationId: resourceId(
      'rtbassoc',
      routeTableId,
      subnet.subnetId,
    ),
    routeTableId,
    subnetId: subnet.subnetId,
    main: false,
    associationState: { state: 'associated' as const },
  });
  resources.routeTables.push({
    routeTableId: publicTable,
    vpcId,
    ownerId: accountId,
    routeSet: [
      local,
      {
        destinationCidrBlock: '0.0.0.0/0',
        gatewayId: igw,
        state: 'active',
        origin: 'CreateRoute',
      },
    ],
    associationSet: [
      {
        routeTableAssociationId: resourceId('rtbassoc', publicTable, 'main'),
        routeTableId: publicTable,
        main: Boolean(options.isDefault),
        associationState: { state: 'associated' },
      },
      ...subnets
        .filter(s => !options.isDefault && tierOf(s) === 'public')
        .map(s => associate(publicTable, s)),
    ],
    tagSet: [],
  });
  if (!options.isDefault) {
    resources.routeTables.push({
      routeTableId: privateTable,
      vpcId,
      ownerId: accountId,
      routeSet: [
        local,
        {
          destinationCidrBlock: '0.0.0.0/0',
          natGatewayId: nat,
          state: 'active',
          origin: 'CreateRoute',
        },
      ],
      associationSet: subnets
        .filter(s => tierOf(s) !== 'public')
        .map(s => associate(privateTable, s)),
      tagSet: [{ key: 'Name', value: `${name}-private` }],
    });
  }

  if (options.flowLogs) {
    resources.flowLogs.push({
      flowLogId: resourceId('fl', accountId, region, vpcId),
      resourceId: vpcId,
      flowLogStatus: 'ACTIVE',
      deliverLogsStatus: 'SUCCESS',
      trafficType: 'ALL',
      logDestinationType: 's3',
      logDestination:
        'arn:aws:s3:::aws-sra-log-archive-333333333333/vpc-flow-logs',
      creationTime: SEEDED_AT,
      tagSet: [],
    });
  }
  return { vpcId, subnets };
}

function securityGroup(
  b: Builder,
  vpcId: string,
  name: string,
  ingress: IpPermission[],
): SecurityGroup {
  const groupId = resourceId('sg', b.accountId, b.region, vpcId, name);
  return {
    groupId,
    groupName: name,
    groupDescription:
      name === 'default'
        ? 'default VPC security group'
        : `${name} security group`,
    vpcId,
    ownerId: b.accountId,
    securityGroupArn: `arn:aws:ec2:${b.region}:${b.accountId}:security-group/${groupId}`,
    ipPermissions: ingress,
    ipPermissionsEgress: [ALL_EGRESS],
    tagSet: [],
  };
}

function instance(
  b: Builder,
  name: string,
  subnet: Subnet,
  group: SecurityGroup,
  httpTokens: 'optional' | 'required',
): Instance {
  const instanceId = resourceId('i', b.accountId, b.region, name);
  return {
    instanceId,
    imageId: resourceId('ami', b.region, 'al2023'),
    instanceType: 't3.medium',
    subnetId: subnet.subnetId,
    vpcId: subnet.vpcId,
    privateIpAddress: subnet.cidrBlock.replace(/\.0\/21$/, '.10'),
    launchTime: SEEDED_AT,
    instanceState: { code: 16, name: 'running' },
    placement: {
      availabilityZone: subnet.availabilityZone,
      tenancy: 'default',
    },
    iamInstanceProfile: {
      arn: `arn:aws:iam::${b.accountId}:instance-profile/AmazonSSMManagedInstanceCore`,
      id: `AIPA${b.accountId}`,
    },
    metadataOptions: {
      state: 'applied',
      httpTokens,
      httpPutResponseHopLimit: httpTokens === 'required' ? 2 : 1,
      httpEndpoint: 'enabled',
      httpProtocolIpv6: 'disabled',
      instanceMetadataTags: 'disabled',
    },
    groupSet: [{ groupId: group.groupId, groupName: group.groupName }],
    tagSet: [{ key: 'Name', value: name }],
  };
}

function endpoints(
  b: Builder,
  vpcId: string,
  subnets: Subnet[],
): VpcEndpoint[] {
  const privateSubnets = subnets.slice(0, 2);
  const interfaceServices = ['kms', 'ssm', 'ssmmessages', 'ec2messages'];
  const common = {
    vpcId,
    state: 'available' as const,
    policyDocument: endpointPolicy(b.organizationId),
    creationTimestamp: SEEDED_AT,
    ownerId: b.accountId,
    tagSet: [],
  };
  return [
    ...interfaceServices.map(service => ({
      ...common,
      vpcEndpointId: resourceId('vpce', b.accountId, b.region, vpcId, service),
      vpcEndpointType: 'Interface' as const,
      serviceName: `com.amazonaws.${b.region}.${service}`,
      privateDnsEnabled: true,
      subnetIdSet: privateSubnets.map(s => s.subnetId),
    })),
    {
      ...common,
      vpcEndpointId: resourceId('vpce', b.accountId, b.region, vpcId, 's3'),
      vpcEndpointType: 'Gateway' as const,
      serviceName: `com.amazonaws.${b.region}.s3`,
      privateDnsEnabled: false,
      subnetIdSet: [],
    },
  ];
}

/**
 * The EC2 resources of an account in a Region for its baseline profile.
 * `compliant` passes every network and instance check; `noncompliant` has
 * IMDSv1 instances, EBS default encryption off, a VPC without flow logs and
 * SSH open to the world; `fresh` is what a newly vended account has: the
 * default VPC and nothing turned on.
 */
export function seedEc2Resources(
  accountId: string,
  region: string,
  organizationId: string,
  profile: SeedBaselineProfile,
): Ec2Resources {
  const resources: Ec2Resources = {
    ebsEncryptionByDefault: profile === 'compliant',
    ebsDefaultKmsKeyId: `arn:aws:kms:${region}:${accountId}:alias/aws/ebs`,
    instanceMetadataDefaults:
      profile === 'compliant'
        ? { HttpTokens: 'required', HttpPutResponseHopLimit: 2 }
        : {},
    vpcs: [],
    subnets: [],
    routeTables: [],
    securityGroups: [],
    flowLogs: [],
    vpcEndpoints: [],
    instances: [],
  };
  const b: Builder = { accountId, region, organizationId, resources };

  if (profile === 'fresh') {
    const { vpcId } = addVpc(b, 'default', '172.31', {
      isDefault: true,
      flowLogs: false,
    });
    resources.securityGroups.push(securityGroup(b, vpcId, 'default', []));
    return resources;
  }

  const main = addVpc(b, 'workload', '10.20', { flowLogs: true });
  const alb = securityGroup(b, main.vpcId, 'alb', [
    permission(443, ['0.0.0.0/0']),
  ]);
  const app = securityGroup(b, main.vpcId, 'app', [
    permission(8443, [], [alb.groupId], accountId),
  ]);
  resources.securityGroups.push(
    securityGroup(b, main.vpcId, 'default', []),
    alb,
    app,
  );
  const appSubnets = main.subnets.filter(s =>
    s.tagSet.some(t => t.key === 'Tier' && t.value === 'app'),
  );
  resources.vpcEndpoints.push(...endpoints(b, main.vpcId, appSubnets));

  if (profile === 'compliant') {
    resources.instances.push(
      instance(b, 'app-1', appSubnets[0], app, 'required'),
      instance(b, 'app-2', appSubnets[1], app, 'required'),
    );
    return resources;
  }

  const legacy = addVpc(b, 'legacy', '10.30', { flowLogs: false });
  const bastion = securityGroup(b, legacy.vpcId, 'bastion', [
    permission(22, ['0.0.0.0/0']),
  ]);
  resources.securityGroups.push(
    securityGroup(b, legacy.vpcId, 'default', []),
    bastion,
  );
  // The legacy VPC has its endpoints, as Security Hub's EC2.57 (passed in
  // this profile) says: the direct check and the control agree.
  resources.vpcEndpoints.push(...endpoints(b, legacy.vpcId, legacy.subnets));
  resources.instances.push(
    instance(b, 'app-1', appSubnets[0], app, 'required'),
    instance(b, 'legacy-worker', appSubnets[1], app, 'optional'),
    instance(b, 'bastion', legacy.subnets[0], bastion, 'optional'),
  );
  return resources;
}
