import {
  DescribeFlowLogsCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  EC2Client,
  IpPermission,
} from '@aws-sdk/client-ec2';
import { CheckEvidence } from '@sra-backstage/plugin-aws-accounts-common';
import { CheckOutcome, failIfAny } from './CheckOutcome';

const ADMIN_PORTS = [22, 3389];

function opensToTheWorld(permission: IpPermission): boolean {
  return (
    (permission.IpRanges ?? []).some(range => range.CidrIp === '0.0.0.0/0') ||
    (permission.Ipv6Ranges ?? []).some(range => range.CidrIpv6 === '::/0')
  );
}

function adminPortsOpened(permission: IpPermission): number[] {
  if (permission.IpProtocol === '-1') {
    return ADMIN_PORTS;
  }
  if (permission.IpProtocol !== 'tcp' && permission.IpProtocol !== '6') {
    return [];
  }
  const from = permission.FromPort ?? 0;
  const to = permission.ToPort ?? 65535;
  return ADMIN_PORTS.filter(port => port >= from && port <= to);
}

/** `no-open-admin-ports`: no ingress rule opens 22 or 3389 to the world. */
export async function checkOpenAdminPorts(
  ec2: EC2Client,
  region: string,
): Promise<CheckOutcome> {
  const evidence: CheckEvidence[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.send(
      new DescribeSecurityGroupsCommand({ MaxResults: 1000, NextToken }),
    );
    for (const group of page.SecurityGroups ?? []) {
      const ports = new Set<number>();
      for (const permission of group.IpPermissions ?? []) {
        if (!opensToTheWorld(permission)) continue;
        for (const port of adminPortsOpened(permission)) ports.add(port);
      }
      if (ports.size > 0) {
        evidence.push({
          resourceId: group.GroupId ?? 'unknown security group',
          resourceType: 'AwsEc2SecurityGroup',
          region,
          detail: `port ${[...ports].join(', ')} open to the internet`,
        });
      }
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return failIfAny(evidence);
}

/**
 * The ids of the Region's VPCs. Read once per Region and account and shared
 * by the checks that look at every VPC (flow-logs, vpc-endpoints).
 */
export async function listVpcIds(ec2: EC2Client): Promise<string[]> {
  const vpcIds: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.send(
      new DescribeVpcsCommand({ MaxResults: 1000, NextToken }),
    );
    for (const vpc of page.Vpcs ?? []) {
      if (vpc.VpcId) vpcIds.push(vpc.VpcId);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return vpcIds;
}

/** `flow-logs`: every VPC has an ACTIVE flow log. */
export async function checkFlowLogs(
  ec2: EC2Client,
  region: string,
  vpcIds: string[],
): Promise<CheckOutcome> {
  const withActiveFlowLogs = new Set<string>();
  let flowLogsToken: string | undefined;
  do {
    const page = await ec2.send(
      new DescribeFlowLogsCommand({
        MaxResults: 1000,
        NextToken: flowLogsToken,
      }),
    );
    for (const flowLog of page.FlowLogs ?? []) {
      if (flowLog.FlowLogStatus === 'ACTIVE' && flowLog.ResourceId) {
        withActiveFlowLogs.add(flowLog.ResourceId);
      }
    }
    flowLogsToken = page.NextToken;
  } while (flowLogsToken);

  return failIfAny(
    vpcIds
      .filter(vpcId => !withActiveFlowLogs.has(vpcId))
      .map(vpcId => ({
        resourceId: vpcId,
        resourceType: 'AwsEc2Vpc',
        region,
        detail: 'no active flow log',
      })),
  );
}
