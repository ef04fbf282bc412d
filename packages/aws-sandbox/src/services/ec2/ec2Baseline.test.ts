import {
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsEncryptionByDefaultCommand,
  GetInstanceMetadataDefaultsCommand,
  ModifyInstanceMetadataDefaultsCommand,
} from '@aws-sdk/client-ec2';
import {
  GetPublicAccessBlockCommand,
  PutPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SEED_ACCOUNTS, startSandbox, SandboxHandle } from '../../index';
import {
  clientSettings,
  loopbackAgent,
} from '../../__testUtils__/sandboxClients';

const PROD = SEED_ACCOUNTS.paymentsProd.id;
const DEV = SEED_ACCOUNTS.paymentsDev.id;

describe('EC2 and S3 Control baseline', () => {
  let sandbox: SandboxHandle;
  const ec2 = (accountId: string, region = 'us-east-1') =>
    new EC2Client(clientSettings(sandbox, { accountId, region }));
  const s3control = (accountId: string) =>
    new S3ControlClient({
      ...clientSettings(sandbox, { accountId }),
      endpoint: `http://localhost:${sandbox.port}`,
      requestHandler: new NodeHttpHandler({ httpAgent: loopbackAgent() }),
    });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, quotaScale: 0 });
  });
  afterAll(() => sandbox.stop());
  afterEach(() => sandbox.control.reset());

  it('payments-prod passes the instance and network checks', async () => {
    const client = ec2(PROD);
    expect(
      (await client.send(new GetEbsEncryptionByDefaultCommand({})))
        .EbsEncryptionByDefault,
    ).toBe(true);
    expect(
      (await client.send(new GetInstanceMetadataDefaultsCommand({})))
        .AccountLevel,
    ).toMatchObject({ HttpTokens: 'required' });
    const instances = (
      await client.send(new DescribeInstancesCommand({}))
    ).Reservations!.flatMap(r => r.Instances!);
    expect(instances.length).toBeGreaterThan(0);
    expect(
      instances.every(i => i.MetadataOptions?.HttpTokens === 'required'),
    ).toBe(true);

    const vpcs = (await client.send(new DescribeVpcsCommand({}))).Vpcs!;
    const flowLogs = (await client.send(new DescribeFlowLogsCommand({})))
      .FlowLogs!;
    expect(
      vpcs.every(v =>
        flowLogs.some(
          f => f.ResourceId === v.VpcId && f.FlowLogStatus === 'ACTIVE',
        ),
      ),
    ).toBe(true);

    const groups = (await client.send(new DescribeSecurityGroupsCommand({})))
      .SecurityGroups!;
    const openAdmin = groups
      .flatMap(g => g.IpPermissions ?? [])
      .filter(
        p =>
          [22, 3389].includes(p.FromPort ?? -1) &&
          p.IpRanges?.some(r => r.CidrIp === '0.0.0.0/0'),
      );
    expect(openAdmin).toEqual([]);

    const subnets = (
      await client.send(
        new DescribeSubnetsCommand({
          Filters: [{ Name: 'tag:Tier', Values: ['app'] }],
        }),
      )
    ).Subnets!;
    expect(new Set(subnets.map(s => s.AvailabilityZone)).size).toBe(2);
    expect(subnets.every(s => s.MapPublicIpOnLaunch === false)).toBe(true);
    const tables = (
      await client.send(
        new DescribeRouteTablesCommand({
          Filters: [
            { Name: 'association.subnet-id', Values: [subnets[0].SubnetId!] },
          ],
        }),
      )
    ).RouteTables!;
    expect(tables[0].Routes?.some(r => r.GatewayId?.startsWith('igw-'))).toBe(
      false,
    );

    const endpoints = (await client.send(new DescribeVpcEndpointsCommand({})))
      .VpcEndpoints!;
    expect(endpoints.map(e => e.ServiceName?.split('.').pop()).sort()).toEqual([
      'ec2messages',
      'kms',
      's3',
      'ssm',
      'ssmmessages',
    ]);
    expect(
      JSON.parse(endpoints[0].PolicyDocument!).Statement[0].Condition,
    ).toBeDefined();
  });

  it('payments-dev fails IMDSv2, EBS encryption, flow logs and open SSH', async () => {
    const client = ec2(DEV, 'eu-west-1');
    expect(
      (await client.send(new GetEbsEncryptionByDefaultCommand({})))
        .EbsEncryptionByDefault,
    ).toBe(false);
    const imdsv1 = await client.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'metadata-options.http-tokens', Values: ['optional'] },
        ],
      }),
    );
    expect(imdsv1.Reservations!.length).toBe(2);
    const vpcs = (await client.send(new DescribeVpcsCommand({}))).Vpcs!;
    const flowLogs = (await client.send(new DescribeFlowLogsCommand({})))
      .FlowLogs!;
    expect(
      vpcs.filter(v => !flowLogs.some(f => f.ResourceId === v.VpcId)).length,
    ).toBe(1);
    const ssh = await client.send(
      new DescribeSecurityGroupsCommand({
        Filters: [{ Name: 'ip-permission.from-port', Values: ['22'] }],
      }),
    );
    expect(ssh.SecurityGroups?.[0].IpPermissions?.[0].IpRanges).toEqual([
      { CidrIp: '0.0.0.0/0' },
    ]);
  });

  it('changes account settings', async () => {
    const client = ec2(DEV);
    await client.send(new EnableEbsEncryptionByDefaultCommand({}));
    expect(
      (await client.send(new GetEbsEncryptionByDefaultCommand({})))
        .EbsEncryptionByDefault,
    ).toBe(true);
    await client.send(
      new ModifyInstanceMetadataDefaultsCommand({
        HttpTokens: 'required',
        HttpPutResponseHopLimit: 2,
      }),
    );
    expect(
      (await client.send(new GetInstanceMetadataDefaultsCommand({})))
        .AccountLevel,
    ).toEqual({ HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
    expect(
      (await client.send(new DescribeRegionsCommand({}))).Regions?.map(
        r => r.RegionName,
      ),
    ).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('answers an unknown filter and an unknown id as EC2 does', async () => {
    await expect(
      ec2(PROD).send(
        new DescribeVpcsCommand({
          Filters: [{ Name: 'colour', Values: ['red'] }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(
      ec2(PROD).send(new DescribeVpcsCommand({ VpcIds: ['vpc-0000'] })),
    ).rejects.toMatchObject({ name: 'InvalidVpcID.NotFound' });
  });

  it('reads and writes S3 account Block Public Access', async () => {
    const prod = await s3control(PROD).send(
      new GetPublicAccessBlockCommand({ AccountId: PROD }),
    );
    expect(prod.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });

    const dev = s3control(DEV);
    await expect(
      dev.send(new GetPublicAccessBlockCommand({ AccountId: DEV })),
    ).rejects.toMatchObject({
      name: 'NoSuchPublicAccessBlockConfiguration',
      $metadata: { httpStatusCode: 404 },
    });
    await dev.send(
      new PutPublicAccessBlockCommand({
        AccountId: DEV,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: false,
        },
      }),
    );
    expect(
      (await dev.send(new GetPublicAccessBlockCommand({ AccountId: DEV })))
        .PublicAccessBlockConfiguration?.RestrictPublicBuckets,
    ).toBe(false);
  });
});
