import { EC2Client, paginateDescribeInstances } from '@aws-sdk/client-ec2';
import {
  paginateDescribeInstanceInformation,
  paginateListResourceComplianceSummaries,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { CheckEvidence } from '@sra-backstage/plugin-aws-accounts-common';
import { CheckOutcome, failIfAny, notApplicable } from './CheckOutcome';

/**
 * `ssm-managed`: every running instance is a Systems Manager managed node
 * whose agent is `Online`.
 */
export async function checkSsmManaged(
  ec2: EC2Client,
  ssm: SSMClient,
  region: string,
): Promise<CheckOutcome> {
  const instanceIds: string[] = [];
  for await (const page of paginateDescribeInstances(
    { client: ec2, pageSize: 1000 },
    { Filters: [{ Name: 'instance-state-name', Values: ['running'] }] },
  )) {
    for (const reservation of page.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        if (instance.InstanceId) instanceIds.push(instance.InstanceId);
      }
    }
  }
  if (instanceIds.length === 0) {
    return notApplicable(`no running EC2 instances in ${region}`);
  }

  const pingStatus = new Map<string, string>();
  for await (const page of paginateDescribeInstanceInformation(
    { client: ssm, pageSize: 50 },
    {},
  )) {
    for (const node of page.InstanceInformationList ?? []) {
      if (node.InstanceId) {
        pingStatus.set(node.InstanceId, node.PingStatus ?? 'unknown');
      }
    }
  }

  const evidence: CheckEvidence[] = [];
  for (const instanceId of instanceIds) {
    const status = pingStatus.get(instanceId);
    if (status !== 'Online') {
      evidence.push({
        resourceId: instanceId,
        resourceType: 'AwsEc2Instance',
        region,
        detail: status
          ? `Systems Manager agent ping status is ${status}`
          : 'not a Systems Manager managed node',
      });
    }
  }
  return failIfAny(evidence);
}

/** `patch-compliance`: every managed node is patch-compliant. */
export async function checkPatchCompliance(
  ssm: SSMClient,
  region: string,
): Promise<CheckOutcome> {
  let summaries = 0;
  const evidence: CheckEvidence[] = [];
  for await (const page of paginateListResourceComplianceSummaries(
    { client: ssm, pageSize: 50 },
    { Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }] },
  )) {
    for (const item of page.ResourceComplianceSummaryItems ?? []) {
      summaries += 1;
      if (item.Status !== 'COMPLIANT') {
        evidence.push({
          resourceId: item.ResourceId ?? 'unknown managed node',
          resourceType: 'AwsSsmPatchCompliance',
          region,
          detail: `patch compliance is ${item.Status ?? 'not reported'}${
            item.NonCompliantSummary?.NonCompliantCount
              ? ` (${item.NonCompliantSummary.NonCompliantCount} non-compliant patches, overall severity ${item.OverallSeverity})`
              : ''
          }`,
        });
      }
    }
  }
  if (summaries === 0) {
    return notApplicable(
      `no managed nodes report patch compliance in ${region}`,
    );
  }
  return failIfAny(evidence);
}
