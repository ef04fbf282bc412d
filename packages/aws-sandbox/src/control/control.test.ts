import {
  DescribeOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startSandbox, SandboxHandle } from '../index';
import { clientSettings } from '../__testUtils__/sandboxClients';

describe('control interface', () => {
  let sandbox: SandboxHandle;

  const post = (path: string, body?: unknown) =>
    fetch(`${sandbox.endpoint}/_sandbox/${path}`, {
      method: 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.control.reset());

  it('counts calls per service:Operation, in process and over HTTP', async () => {
    sandbox.control.resetCallCounts();
    const sts = new STSClient(clientSettings(sandbox));
    await sts.send(new GetCallerIdentityCommand({}));
    await sts.send(new GetCallerIdentityCommand({}));
    expect(sandbox.control.callCounts()).toEqual({
      'sts:GetCallerIdentity': 2,
    });
    const counts = await (
      await fetch(`${sandbox.endpoint}/_sandbox/call-counts`)
    ).json();
    expect(counts).toEqual({ 'sts:GetCallerIdentity': 2 });
    await fetch(`${sandbox.endpoint}/_sandbox/call-counts`, {
      method: 'DELETE',
    });
    expect(sandbox.control.callCounts()).toEqual({});
  });

  it('fails an operation with a 5xx at a rate; the SDK retries it', async () => {
    expect(
      (
        await post('fail-operation', {
          service: 'organizations',
          operation: 'DescribeOrganization',
          rate: 0.5,
          statusCode: 503,
        })
      ).status,
    ).toBe(200);
    const organizations = new OrganizationsClient(
      clientSettings(sandbox, { maxAttempts: 3 }),
    );
    const result = await organizations.send(
      new DescribeOrganizationCommand({}),
    );
    expect(result.$metadata.attempts).toBe(2);

    sandbox.control.clearFaults();
    sandbox.control.failOperation({ service: 'organizations', rate: 1 });
    const error = await organizations
      .send(new DescribeOrganizationCommand({}))
      .catch(e => e);
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(error.name).toBe('InternalFailure');
  });

  it('adds latency', async () => {
    await post('latency', { service: 'sts', ms: 150 });
    const started = Date.now();
    await new STSClient(clientSettings(sandbox)).send(
      new GetCallerIdentityCommand({}),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('resets with a bigger seed and serves the seed description', async () => {
    const response = await post('reset', {
      accounts: 40,
      findingsPerAccount: 5,
    });
    const seed = await response.json();
    expect(seed.accounts).toHaveLength(40);
    expect(
      sandbox.seed.accounts.find(a => a.id === '800000000029'),
    ).toMatchObject({
      name: 'app0010-staging',
      tags: { application: 'app0010' },
    });
    expect(
      (await (await fetch(`${sandbox.endpoint}/_sandbox/seed`)).json())
        .findingsPerAccount,
    ).toBe(5);
  });

  it('answers bad control input with the error and what to do', async () => {
    const bad = await post('fail-operation', {
      service: 'securityhub',
      rate: 2,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('rate must be between 0 and 1'),
    });
    const unknown = await post('deny-assume-role', {
      accountId: '999999999999',
    });
    expect(unknown.status).toBe(404);
    const notJson = await fetch(`${sandbox.endpoint}/_sandbox/reset`, {
      method: 'POST',
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect((await fetch(`${sandbox.endpoint}/_sandbox/nothing`)).status).toBe(
      404,
    );
  });

  it('refuses unsigned requests and unknown services with a message', async () => {
    const unsigned = await fetch(sandbox.endpoint, { method: 'POST' });
    expect(unsigned.status).toBe(403);
    expect((await unsigned.json()).message).toContain('Signature Version 4');
  });
});
