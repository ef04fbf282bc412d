import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { DefaultOrganizationReader } from '@sra-backstage/plugin-aws-accounts-node';
import { AwsClientStub } from 'aws-sdk-client-mock';

const ORGANIZATION_ARN = 'arn:aws:organizations::111111111111';

/** A part of the shared fixture organization, enough for vending tests. */
export const fixtureUnits = [
  { Id: 'ou-sra0-security', Name: 'Security', parent: 'r-sra0' },
  { Id: 'ou-sra0-workloads', Name: 'Workloads', parent: 'r-sra0' },
  { Id: 'ou-sra0-prod0001', Name: 'Prod', parent: 'ou-sra0-workloads' },
  { Id: 'ou-sra0-stage001', Name: 'Staging', parent: 'ou-sra0-workloads' },
  { Id: 'ou-sra0-dev00001', Name: 'Dev', parent: 'ou-sra0-workloads' },
  { Id: 'ou-sra0-legacy01', Name: 'Legacy', parent: 'r-sra0' },
];

/** An account of the fixture organization and its parent unit. */
export type FixtureAccount = {
  Id: string;
  Name: string;
  Email: string;
  parent: string;
};

/** Accounts of the fixture organization, with their parent units. */
export const fixtureAccounts: FixtureAccount[] = [
  {
    Id: '111111111111',
    Name: 'Management',
    Email: 'aws+management@example.com',
    parent: 'r-sra0',
  },
  {
    Id: '500000000003',
    Name: 'payments-dev',
    Email: 'aws+payments-dev@example.com',
    parent: 'ou-sra0-dev00001',
  },
  {
    Id: '600000000002',
    Name: 'orders-staging',
    Email: 'aws+orders-staging@example.com',
    parent: 'ou-sra0-stage001',
  },
];

/**
 * The shared OrganizationReader, reading through an Organizations client
 * that aws-sdk-client-mock answers, without pacing.
 */
export function createTestOrganizationReader(): DefaultOrganizationReader {
  return DefaultOrganizationReader.create({
    client: new OrganizationsClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    }),
    maxConcurrency: 8,
    requestsPerSecond: 10_000,
  });
}

/** Answers the Organizations reads of the reader from the fixture. */
export function mockFixtureOrganization(
  organizations: AwsClientStub<OrganizationsClient>,
  accounts: FixtureAccount[] = fixtureAccounts,
): void {
  organizations.on(DescribeOrganizationCommand).resolves({
    Organization: {
      Id: 'o-sra0example1',
      Arn: `${ORGANIZATION_ARN}:organization/o-sra0example1`,
      MasterAccountId: '111111111111',
    },
  });
  organizations.on(ListRootsCommand).resolves({
    Roots: [
      {
        Id: 'r-sra0',
        Arn: `${ORGANIZATION_ARN}:root/o-sra0example1/r-sra0`,
        Name: 'Root',
      },
    ],
  });
  organizations
    .on(ListOrganizationalUnitsForParentCommand)
    .callsFake(({ ParentId }) => ({
      OrganizationalUnits: fixtureUnits
        .filter(unit => unit.parent === ParentId)
        .map(({ Id, Name }) => ({
          Id,
          Name,
          Arn: `${ORGANIZATION_ARN}:ou/o-sra0example1/${Id}`,
        })),
    }));
  organizations.on(ListAccountsForParentCommand).callsFake(({ ParentId }) => ({
    Accounts: accounts
      .filter(account => account.parent === ParentId)
      .map(({ Id, Name, Email }) => ({
        Id,
        Name,
        Email,
        Arn: `${ORGANIZATION_ARN}:account/o-sra0example1/${Id}`,
        State: 'ACTIVE' as const,
      })),
  }));
}
