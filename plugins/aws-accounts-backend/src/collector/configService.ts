import {
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigurationRecorderStatusCommand,
} from '@aws-sdk/client-config-service';

/** Whether a configuration recorder records and its last status was good. */
export interface ConfigRecorderState {
  recording: boolean;
  lastStatus?: string;
}

export async function readConfigRecorder(
  client: ConfigServiceClient,
): Promise<ConfigRecorderState> {
  const response = await client.send(
    new DescribeConfigurationRecorderStatusCommand({}),
  );
  const recorders = response.ConfigurationRecordersStatus ?? [];
  const recording = recorders.find(recorder => recorder.recording);
  return {
    recording: Boolean(recording),
    lastStatus: (recording ?? recorders[0])?.lastStatus,
  };
}

/** Config rules by compliance. */
export interface ConfigRuleCounts {
  compliant: number;
  nonCompliant: number;
}

/**
 * Rules counted from `DescribeComplianceByConfigRule`, paged.
 * `GetComplianceSummaryByConfigRule` is one call but caps each count at 25,
 * which would under-report accounts with many failing rules.
 */
export async function readConfigRuleCounts(
  client: ConfigServiceClient,
): Promise<ConfigRuleCounts> {
  const counts: ConfigRuleCounts = { compliant: 0, nonCompliant: 0 };
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new DescribeComplianceByConfigRuleCommand({ NextToken }),
    );
    for (const rule of page.ComplianceByConfigRules ?? []) {
      const type = rule.Compliance?.ComplianceType;
      if (type === 'COMPLIANT') counts.compliant += 1;
      else if (type === 'NON_COMPLIANT') counts.nonCompliant += 1;
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return counts;
}
