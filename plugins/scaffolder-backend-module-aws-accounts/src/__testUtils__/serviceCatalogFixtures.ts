import {
  DescribeProductOutput,
  DescribeRecordOutput,
  RecordStatus,
} from '@aws-sdk/client-service-catalog';

/** DescribeProduct of the sandbox's Account Factory product. */
export const accountFactoryProduct: DescribeProductOutput = {
  ProductViewSummary: {
    ProductId: 'prod-sra0accfactry',
    Name: 'AWS Control Tower Account Factory',
  },
  ProvisioningArtifacts: [
    {
      Id: 'pa-sra0accfactry',
      Name: 'AWS Control Tower Account Factory',
      Guidance: 'DEFAULT',
    },
  ],
  LaunchPaths: [{ Id: 'lpv3-sra0accfactry', Name: 'Account Factory' }],
};

/** A record as DescribeRecord returns it. */
export function recordPage(
  recordId: string,
  status: string,
  extra: {
    outputs?: Record<string, string>;
    errors?: { Code: string; Description: string }[];
  } = {},
): DescribeRecordOutput {
  return {
    RecordDetail: {
      RecordId: recordId,
      Status: status as RecordStatus,
      ProvisionedProductId: 'pp-sra0example01',
      ProvisionedProductName: 'payments-qa',
      RecordErrors: extra.errors,
    },
    RecordOutputs: Object.entries(extra.outputs ?? {}).map(
      ([OutputKey, OutputValue]) => ({ OutputKey, OutputValue }),
    ),
  };
}
