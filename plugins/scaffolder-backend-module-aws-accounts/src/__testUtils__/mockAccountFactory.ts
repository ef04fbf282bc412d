import {
  OrganizationsClient,
  Tag,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import {
  DescribeProductCommand,
  DescribeRecordCommand,
  ProvisioningParameter,
  ProvisionProductCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { AwsClientStub } from 'aws-sdk-client-mock';
import {
  fixtureAccounts,
  mockFixtureOrganization,
} from './organizationFixtures';
import { accountFactoryProduct, recordPage } from './serviceCatalogFixtures';

/**
 * A small stateful Account Factory: each new provision token gets a record
 * that succeeds at once and adds the account to the organization, unless
 * its account name is listed as failing.
 */
export function mockAccountFactory(
  organizations: AwsClientStub<OrganizationsClient>,
  serviceCatalog: AwsClientStub<ServiceCatalogClient>,
  options: { failingAccountNames?: Set<string> } = {},
) {
  const accounts = [...fixtureAccounts];
  const records = new Map<
    string,
    { name: string; email: string; ou: string }
  >();
  const tokens = new Map<string, string>();
  const tags = new Map<string, Record<string, string>>();
  let nextAccount = 500000000100;

  const refreshOrganization = () =>
    mockFixtureOrganization(organizations, accounts);
  refreshOrganization();
  organizations.on(TagResourceCommand).callsFake(input => {
    tags.set(
      input.ResourceId ?? '',
      Object.fromEntries((input.Tags ?? []).map((t: Tag) => [t.Key, t.Value])),
    );
    return {};
  });

  serviceCatalog.on(DescribeProductCommand).resolves(accountFactoryProduct);
  serviceCatalog.on(ProvisionProductCommand).callsFake(input => {
    const token = input.ProvisionToken ?? '';
    let recordId = tokens.get(token);
    if (!recordId) {
      recordId = `rec-${tokens.size + 1}`;
      tokens.set(token, recordId);
      const value = (key: string) =>
        input.ProvisioningParameters?.find(
          (p: ProvisioningParameter) => p.Key === key,
        )?.Value ?? '';
      records.set(recordId, {
        name: value('AccountName'),
        email: value('AccountEmail'),
        ou: /\((ou-[^)]+)\)/.exec(value('ManagedOrganizationalUnit'))![1],
      });
    }
    return { RecordDetail: { RecordId: recordId } };
  });
  serviceCatalog.on(DescribeRecordCommand).callsFake(({ Id }) => {
    const record = records.get(Id ?? '')!;
    if (options.failingAccountNames?.has(record.name)) {
      return recordPage(Id ?? '', 'FAILED', {
        errors: [
          { Code: 'ProvisioningFailed', Description: 'Simulated failure' },
        ],
      });
    }
    let account = accounts.find(a => a.Email === record.email);
    if (!account) {
      account = {
        Id: String(nextAccount++),
        Name: record.name,
        Email: record.email,
        parent: record.ou,
      };
      accounts.push(account);
      refreshOrganization();
    }
    return recordPage(Id ?? '', 'SUCCEEDED', {
      outputs: { AccountId: account.Id },
    });
  });

  return { accounts, tags, provisionCount: () => tokens.size };
}
