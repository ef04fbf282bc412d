import {
  EC2Client,
  paginateDescribeRouteTables,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  RouteTable,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { CheckEvidence } from '@sra-backstage/plugin-aws-accounts-common';
import {
  CheckOutcome,
  failIfAny,
  notApplicable,
  unknown,
} from './CheckOutcome';

/** The services the SRA wants reachable from the VPC without the internet. */
const ENDPOINT_SERVICES = ['kms', 'ssm', 'ssmmessages', 'ec2messages', 's3'];

function routesToInternetGateway(table: RouteTable | undefined): boolean {
  return (table?.Routes ?? []).some(
    route =>
      (route.DestinationCidrBlock === '0.0.0.0/0' ||
        route.DestinationIpv6CidrBlock === '::/0') &&
      (route.GatewayId ?? '').startsWith('igw-'),
  );
}

/**
 * `private-subnets`: no subnet assigns public IPs on launch, and every VPC
 * has private subnets (whose route table sends nothing to an internet
 * gateway) in at least two Availability Zones for the app and DB tiers.
 */
export async function checkPrivateSubnets(
  ec2: EC2Client,
  region: string,
): Promise<CheckOutcome> {
  const tables: RouteTable[] = [];
  for await (const page of paginateDescribeRouteTables(
    { client: ec2, pageSize: 100 },
    {},
  )) {
    tables.push(...(page.RouteTables ?? []));
  }
  const tableOfSubnet = new Map<string, RouteTable>();
  const mainTableOfVpc = new Map<string, RouteTable>();
  for (const table of tables) {
    for (const association of table.Associations ?? []) {
      if (association.SubnetId) tableOfSubnet.set(association.SubnetId, table);
      if (association.Main && table.VpcId) {
        mainTableOfVpc.set(table.VpcId, table);
      }
    }
  }

  const evidence: CheckEvidence[] = [];
  const privateZones = new Map<string, Set<string>>();
  for await (const page of paginateDescribeSubnets(
    { client: ec2, pageSize: 1000 },
    {},
  )) {
    for (const subnet of page.Subnets ?? []) {
      const vpcId = subnet.VpcId ?? 'unknown VPC';
      const zones = privateZones.get(vpcId) ?? new Set<string>();
      privateZones.set(vpcId, zones);
      if (subnet.MapPublicIpOnLaunch) {
        evidence.push({
          resourceId: subnet.SubnetId ?? 'unknown subnet',
          resourceType: 'AwsEc2Subnet',
          region,
          detail: 'assigns public IPv4 addresses on launch',
        });
        continue;
      }
      const table =
        tableOfSubnet.get(subnet.SubnetId ?? '') ?? mainTableOfVpc.get(vpcId);
      if (!routesToInternetGateway(table) && subnet.AvailabilityZone) {
        zones.add(subnet.AvailabilityZone);
      }
    }
  }
  if (privateZones.size === 0) {
    return notApplicable(`no subnets in ${region}`);
  }
  for (const [vpcId, zones] of privateZones) {
    if (zones.size < 2) {
      evidence.push({
        resourceId: vpcId,
        resourceType: 'AwsEc2Vpc',
        region,
        detail: `private subnets in ${zones.size} Availability Zone${
          zones.size === 1 ? '' : 's'
        }; the app and DB tiers need 2 or more`,
      });
    }
  }
  return failIfAny(evidence);
}

function isPrincipalStar(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object' && 'AWS' in principal) {
    const aws = (principal as { AWS: unknown }).AWS;
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  }
  return false;
}

/**
 * Whether the endpoint policy is narrower than "anyone": no Allow statement
 * grants `Principal: *` without a condition. AWS returns the default
 * full-access policy of an endpoint created without one, so an answer
 * without a policy document is undecided (see checkVpcEndpoints).
 */
function hasNarrowPolicy(endpoint: VpcEndpoint): boolean {
  if (!endpoint.PolicyDocument) return false;
  let document: { Statement?: unknown };
  try {
    document = JSON.parse(endpoint.PolicyDocument);
  } catch {
    return false;
  }
  const statements = Array.isArray(document.Statement)
    ? document.Statement
    : [document.Statement];
  return !statements.some(statement => {
    if (!statement || typeof statement !== 'object') return false;
    const s = statement as {
      Effect?: string;
      Principal?: unknown;
      Condition?: object;
    };
    return (
      s.Effect === 'Allow' &&
      isPrincipalStar(s.Principal) &&
      (!s.Condition || Object.keys(s.Condition).length === 0)
    );
  });
}

/**
 * `vpc-endpoints`: every VPC has an available endpoint for KMS, SSM
 * (ssm, ssmmessages, ec2messages) and S3, each with a policy narrower than
 * `Principal: *`.
 */
export async function checkVpcEndpoints(
  ec2: EC2Client,
  region: string,
  vpcIds: string[],
): Promise<CheckOutcome> {
  if (vpcIds.length === 0) {
    return notApplicable(`no VPCs in ${region}`);
  }

  const endpointsOfVpc = new Map<string, VpcEndpoint[]>();
  for await (const page of paginateDescribeVpcEndpoints(
    { client: ec2, pageSize: 1000 },
    {},
  )) {
    for (const endpoint of page.VpcEndpoints ?? []) {
      const list = endpointsOfVpc.get(endpoint.VpcId ?? '') ?? [];
      list.push(endpoint);
      endpointsOfVpc.set(endpoint.VpcId ?? '', list);
    }
  }

  // A requirement that an answer lacks the deciding field for (ServiceName,
  // State, PolicyDocument) is undecided: UNKNOWN, never a FAIL or PASS
  // made up from a missing field.
  const evidence: CheckEvidence[] = [];
  const undecided: string[] = [];
  for (const vpcId of vpcIds) {
    const endpoints = endpointsOfVpc.get(vpcId) ?? [];
    const unnamed = endpoints.some(endpoint => !endpoint.ServiceName);
    const problems: string[] = [];
    for (const service of ENDPOINT_SERVICES) {
      const candidates = endpoints.filter(
        endpoint =>
          endpoint.ServiceName === `com.amazonaws.${region}.${service}`,
      );
      const available = candidates.filter(
        endpoint => endpoint.State?.toLowerCase() === 'available',
      );
      if (candidates.length === 0) {
        if (unnamed)
          undecided.push(
            `${vpcId} ${service}: endpoint without a service name`,
          );
        else problems.push(`no ${service} endpoint`);
      } else if (available.length === 0) {
        if (candidates.some(endpoint => !endpoint.State)) {
          undecided.push(`${vpcId} ${service}: endpoint without a state`);
        } else {
          problems.push(`${service} endpoint is ${candidates[0].State}`);
        }
      } else if (!available.some(hasNarrowPolicy)) {
        if (available.some(endpoint => !endpoint.PolicyDocument)) {
          undecided.push(`${vpcId} ${service}: endpoint policy not returned`);
        } else {
          problems.push(`${service} endpoint policy allows Principal *`);
        }
      }
    }
    if (problems.length > 0) {
      evidence.push({
        resourceId: vpcId,
        resourceType: 'AwsEc2Vpc',
        region,
        detail: problems.join('; '),
      });
    }
  }
  if (evidence.length === 0 && undecided.length > 0) {
    return unknown(
      `DescribeVpcEndpoints left out what decides: ${undecided.join('; ')}`,
    );
  }
  return failIfAny(evidence);
}
