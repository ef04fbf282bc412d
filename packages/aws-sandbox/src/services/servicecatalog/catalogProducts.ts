import { SEED_ACCOUNT_FACTORY } from '../../seed/defaultOrganization';

/** A product parameter as DescribeProvisioningParameters lists it. */
export interface ProductParameter {
  ParameterKey: string;
  ParameterType: string;
  Description: string;
  DefaultValue?: string;
  IsNoEcho: boolean;
  ParameterConstraints: {
    AllowedValues: string[];
    MinLength?: string;
    MaxLength?: string;
  };
}

export interface CatalogProduct {
  id: string;
  name: string;
  owner: string;
  description: string;
  distributor: string;
  artifact: { id: string; name: string; description: string; createdAt: Date };
  launchPath: { id: string; name: string };
  parameters: ProductParameter[];
  /** The CloudFormation resources its stack creates. */
  resources: { logicalId: string; type: string }[];
  isAccountFactory: boolean;
}

function parameter(
  key: string,
  description: string,
  extra: Partial<ProductParameter> = {},
): ProductParameter {
  return {
    ParameterKey: key,
    ParameterType: 'String',
    Description: description,
    IsNoEcho: false,
    ParameterConstraints: { AllowedValues: [] },
    ...extra,
  };
}

const CREATED_AT = new Date('2025-06-02T10:00:00Z');

/** The products of the management account's portfolio in the home Region. */
export function catalogProducts(): CatalogProduct[] {
  return [
    {
      id: SEED_ACCOUNT_FACTORY.productId,
      name: SEED_ACCOUNT_FACTORY.productName,
      owner: 'AWS Control Tower',
      description: 'AWS Control Tower Account Factory',
      distributor: 'AWS',
      artifact: {
        id: SEED_ACCOUNT_FACTORY.provisioningArtifactId,
        name: SEED_ACCOUNT_FACTORY.provisioningArtifactName,
        description: 'AWS Control Tower Account Factory Template V1',
        createdAt: CREATED_AT,
      },
      launchPath: {
        id: SEED_ACCOUNT_FACTORY.launchPathId,
        name: 'AWS Control Tower Account Factory Portfolio',
      },
      parameters: [
        parameter('AccountName', 'Account name (1 to 50 characters)', {
          ParameterConstraints: {
            AllowedValues: [],
            MinLength: '1',
            MaxLength: '50',
          },
        }),
        parameter('AccountEmail', 'Account email, unique in the organization'),
        parameter(
          'ManagedOrganizationalUnit',
          'Managed organizational unit, written Name (ou-xxxx-xxxxxxxx)',
        ),
        parameter('SSOUserEmail', 'IAM Identity Center user email'),
        parameter('SSOUserFirstName', 'IAM Identity Center user first name'),
        parameter('SSOUserLastName', 'IAM Identity Center user last name'),
      ],
      resources: [
        { logicalId: 'ProvisionAccount', type: 'Custom::ProvisionAccount' },
        { logicalId: 'EnrollAccount', type: 'Custom::EnrollAccount' },
      ],
      isAccountFactory: true,
    },
    {
      id: 'prod-sra0vpcbaseln',
      name: 'SRA Workload VPC',
      owner: 'team-platform',
      description:
        'A workload VPC with private subnets in two Availability Zones, flow logs and VPC endpoints',
      distributor: 'team-platform',
      artifact: {
        id: 'pa-sra0vpcbaseln',
        name: 'v1',
        description: 'First release',
        createdAt: CREATED_AT,
      },
      launchPath: { id: 'lpv3-sra0vpcbaseln', name: 'SRA Platform Portfolio' },
      parameters: [
        parameter('VpcCidr', 'CIDR block of the VPC', {
          DefaultValue: '10.40.0.0/16',
        }),
      ],
      resources: [
        { logicalId: 'Vpc', type: 'AWS::EC2::VPC' },
        { logicalId: 'FlowLog', type: 'AWS::EC2::FlowLog' },
      ],
      isAccountFactory: false,
    },
  ];
}
