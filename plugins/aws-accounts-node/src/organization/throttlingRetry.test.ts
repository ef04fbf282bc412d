import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { HttpRequest } from '@smithy/types';
import { DefaultOrganizationReader } from './DefaultOrganizationReader';

/**
 * Organizations answers throttling with HTTP 400 and the error code
 * `TooManyRequestsException`, not 429. These tests run the real SDK client
 * over a scripted HTTP handler to prove the SDK treats that as throttling and
 * retries it, while an access error is not retried.
 */
type ScriptedAnswer = { status: number; body: object };

function scriptedClient(answers: ScriptedAnswer[]) {
  const requests: string[] = [];
  const client = new OrganizationsClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
    retryMode: 'adaptive',
    maxAttempts: 8,
    requestHandler: {
      handle: async (request: HttpRequest) => {
        requests.push(String(request.headers['x-amz-target']));
        const answer = answers.shift();
        if (!answer) {
          throw new Error(`No answer scripted for ${requests.at(-1)}`);
        }
        return {
          response: {
            statusCode: answer.status,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: Buffer.from(JSON.stringify(answer.body)),
          },
        };
      },
    },
  });
  return { client, requests };
}

const organization = {
  Organization: {
    Id: 'o-sra0example1',
    Arn: 'arn:aws:organizations::111111111111:organization/o-sra0example1',
    MasterAccountId: '111111111111',
  },
};
const roots = {
  Roots: [
    {
      Id: 'r-sra0',
      Arn: 'arn:aws:organizations::111111111111:root/o-sra0example1/r-sra0',
      Name: 'Root',
    },
  ],
};
const throttled = {
  status: 400,
  body: { __type: 'TooManyRequestsException', Message: 'Rate exceeded' },
};

describe('Organizations throttling', () => {
  it('retries a 400 TooManyRequestsException and counts the retries', async () => {
    const { client, requests } = scriptedClient([
      throttled,
      throttled,
      { status: 200, body: organization },
      { status: 200, body: roots },
      { status: 200, body: { OrganizationalUnits: [] } },
      { status: 200, body: { Accounts: [] } },
    ]);
    const reader = DefaultOrganizationReader.create({
      client,
      requestsPerSecond: 1000,
    });

    const snapshot = await reader.readOrganization({ includeTags: false });

    expect(snapshot.organization.id).toBe('o-sra0example1');
    expect(requests.slice(0, 3)).toEqual([
      'AWSOrganizationsV20161128.DescribeOrganization',
      'AWSOrganizationsV20161128.DescribeOrganization',
      'AWSOrganizationsV20161128.DescribeOrganization',
    ]);
    expect(snapshot.statistics.calls.DescribeOrganization).toBe(1);
    expect(snapshot.statistics.retries).toBe(2);
  }, 30_000);

  it('does not retry an access error', async () => {
    const { client, requests } = scriptedClient([
      {
        status: 400,
        body: { __type: 'AccessDeniedException', Message: 'not authorized' },
      },
    ]);
    const reader = DefaultOrganizationReader.create({
      client,
      principal: 'the aws.mainAccount credentials',
    });

    await expect(reader.readOrganization()).rejects.toThrow(
      /allows organizations:DescribeOrganization; caused by AccessDeniedException: not authorized/,
    );
    expect(requests).toHaveLength(1);
  });
});
