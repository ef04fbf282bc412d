import {
  GetPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { startSandbox, SandboxHandle } from './startSandbox';

describe('the loopback endpoint', () => {
  let sandbox: SandboxHandle;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });

  afterAll(() => sandbox.stop());

  it('lets a stock S3 Control client reach the sandbox through its account-prefixed host', async () => {
    const client = new S3ControlClient({
      endpoint: sandbox.endpoint,
      region: 'us-east-1',
      // A key that starts with AKIA and an account id acts as that account.
      credentials: { accessKeyId: 'AKIA500000000001', secretAccessKey: 'test' },
    });

    const answer = await client.send(
      new GetPublicAccessBlockCommand({ AccountId: '500000000001' }),
    );

    expect(sandbox.endpoint).toMatch(/^http:\/\/localhost:\d+$/);
    expect(answer.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
  });
});
