/**
 * EC2 resources of one account in one Region, kept in EC2's own XML member
 * names so they are served as they are stored.
 */

export interface Ec2Tag {
  key: string;
  value: string;
}

export interface Vpc {
  vpcId: string;
  cidrBlock: string;
  state: 'available';
  isDefault: boolean;
  ownerId: string;
  instanceTenancy: 'default';
  dhcpOptionsId: string;
  tagSet: Ec2Tag[];
}

export interface Subnet {
  subnetId: string;
  subnetArn: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  availabilityZoneId: string;
  availableIpAddressCount: number;
  mapPublicIpOnLaunch: boolean;
  defaultForAz: boolean;
  state: 'available';
  ownerId: string;
  tagSet: Ec2Tag[];
}

export interface Route {
  destinationCidrBlock: string;
  gatewayId?: string;
  natGatewayId?: string;
  state: 'active';
  origin: 'CreateRouteTable' | 'CreateRoute';
}

export interface RouteTable {
  routeTableId: string;
  vpcId: string;
  ownerId: string;
  routeSet: Route[];
  associationSet: {
    routeTableAssociationId: string;
    routeTableId: string;
    subnetId?: string;
    main: boolean;
    associationState: { state: 'associated' };
  }[];
  tagSet: Ec2Tag[];
}

export interface IpPermission {
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  ipRanges: { cidrIp: string; description?: string }[];
  ipv6Ranges: { cidrIpv6: string }[];
  groups: { groupId: string; userId: string }[];
  prefixListIds: { prefixListId: string }[];
}

export interface SecurityGroup {
  groupId: string;
  groupName: string;
  groupDescription: string;
  vpcId: string;
  ownerId: string;
  securityGroupArn: string;
  ipPermissions: IpPermission[];
  ipPermissionsEgress: IpPermission[];
  tagSet: Ec2Tag[];
}

export interface FlowLog {
  flowLogId: string;
  resourceId: string;
  flowLogStatus: 'ACTIVE';
  deliverLogsStatus: 'SUCCESS';
  trafficType: 'ALL' | 'REJECT' | 'ACCEPT';
  logDestinationType: 'cloud-watch-logs' | 's3';
  logDestination: string;
  creationTime: Date;
  tagSet: Ec2Tag[];
}

export interface VpcEndpoint {
  vpcEndpointId: string;
  vpcEndpointType: 'Interface' | 'Gateway';
  vpcId: string;
  serviceName: string;
  state: 'available' | 'pending' | 'failed';
  policyDocument: string;
  privateDnsEnabled: boolean;
  subnetIdSet: string[];
  creationTimestamp: Date;
  ownerId: string;
  tagSet: Ec2Tag[];
}

export interface Instance {
  instanceId: string;
  imageId: string;
  instanceType: string;
  subnetId: string;
  vpcId: string;
  privateIpAddress: string;
  launchTime: Date;
  instanceState: { code: number; name: 'running' | 'stopped' };
  placement: { availabilityZone: string; tenancy: 'default' };
  iamInstanceProfile?: { arn: string; id: string };
  metadataOptions: {
    state: 'applied';
    httpTokens: 'optional' | 'required';
    httpPutResponseHopLimit: number;
    httpEndpoint: 'enabled' | 'disabled';
    httpProtocolIpv6: 'disabled';
    instanceMetadataTags: 'disabled' | 'enabled';
  };
  groupSet: { groupId: string; groupName: string }[];
  tagSet: Ec2Tag[];
}

/** Account-level defaults for new instances' metadata service. */
export interface InstanceMetadataDefaults {
  HttpTokens?: 'optional' | 'required';
  HttpPutResponseHopLimit?: number;
  HttpEndpoint?: 'enabled' | 'disabled';
  InstanceMetadataTags?: 'enabled' | 'disabled';
}

export interface Ec2Resources {
  ebsEncryptionByDefault: boolean;
  ebsDefaultKmsKeyId: string;
  instanceMetadataDefaults: InstanceMetadataDefaults;
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  securityGroups: SecurityGroup[];
  flowLogs: FlowLog[];
  vpcEndpoints: VpcEndpoint[];
  instances: Instance[];
}
