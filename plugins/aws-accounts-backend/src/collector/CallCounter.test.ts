import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Readable } from 'node:stream';
import { CallCounter } from './CallCounter';

const IDENTITY_XML = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult><Arn>arn:aws:iam::500000000001:user/x</Arn><UserId>AIDEXAMPLE</UserId><Account>500000000001</Account></GetCallerIdentityResult>
  <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

describe('CallCounter', () => {
  it('counts every operation a client sends, by service and operation', async () => {
    const counter = CallCounter.create();
    const client = counter.attach(
      new STSClient({
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        requestHandler: {
          handle: async () => ({
            response: {
              statusCode: 200,
              headers: { 'content-type': 'text/xml' },
              body: Readable.from([Buffer.from(IDENTITY_XML)]),
            },
          }),
        },
      }),
      'sts',
    );

    await client.send(new GetCallerIdentityCommand({}));
    await client.send(new GetCallerIdentityCommand({}));

    expect(counter.counts()).toEqual({ 'sts:GetCallerIdentity': 2 });
    expect(counter.total()).toBe(2);
  });
});
