import {
  DescribeInstancesCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import { CheckEvidence } from '@sra-backstage/plugin-aws-accounts-common';
import { CheckOutcome, failIfAny } from './CheckOutcome';

/**
 * `imdsv2`: every instance that is not terminated requires session tokens
 * (or has the metadata endpoint off), and so does the account default.
 */
export async function checkImdsV2(
  ec2: EC2Client,
  region: string,
): Promise<CheckOutcome> {
  const evidence: CheckEvidence[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          {
            Name: 'instance-state-name',
            Values: ['pending', 'running', 'stopping', 'stopped'],
          },
        ],
        MaxResults: 1000,
        NextToken,
      }),
    );
    for (const reservation of page.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        const options = instance.MetadataOptions;
        if (
          options?.HttpTokens !== 'required' &&
          options?.HttpEndpoint !== 'disabled'
        ) {
          evidence.push({
            resourceId: instance.InstanceId ?? 'unknown instance',
            resourceType: 'AwsEc2Instance',
            region,
            detail: `HttpTokens is ${options?.HttpTokens ?? 'not set'}`,
          });
        }
      }
    }
    NextToken = page.NextToken;
  } while (NextToken);

  const defaults = await ec2.send(new GetInstanceMetadataDefaultsCommand({}));
  if (defaults.AccountLevel?.HttpTokens !== 'required') {
    evidence.push({
      resourceId: 'account default',
      resourceType: 'AwsAccount',
      region,
      detail: `the account's instance metadata default HttpTokens is ${
        defaults.AccountLevel?.HttpTokens ?? 'not set (optional)'
      }`,
    });
  }
  return failIfAny(evidence);
}

/** `ebs-default-encryption`: EBS encryption by default is on in the Region. */
export async function checkEbsDefaultEncryption(
  ec2: EC2Client,
  region: string,
): Promise<CheckOutcome> {
  const response = await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
  return failIfAny(
    response.EbsEncryptionByDefault
      ? []
      : [
          {
            resourceId: 'EBS encryption by default',
            resourceType: 'AwsAccount',
            region,
            detail: 'off',
          },
        ],
  );
}
