import {
  ACMClient,
  DescribeCertificateCommand,
  ListCertificatesCommand,
} from '@aws-sdk/client-acm';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  GetWebACLForResourceCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import {
  checkAlbTls,
  checkCertificateExpiry,
  checkWaf,
  isTls12OrLaterPolicy,
  listApplicationLoadBalancers,
} from './loadBalancerChecks';

const elbMock = mockClient(ElasticLoadBalancingV2Client);
const wafMock = mockClient(WAFV2Client);
const acmMock = mockClient(ACMClient);
const elbv2 = new ElasticLoadBalancingV2Client({ region: 'us-east-1' });
const waf = new WAFV2Client({ region: 'us-east-1' });
const acm = new ACMClient({ region: 'us-east-1' });

const ALB = 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/a/1';
const webAcl = {
  Name: 'acl',
  Id: '1',
  ARN: 'arn:acl',
  DefaultAction: { Allow: {} },
  VisibilityConfig: {
    SampledRequestsEnabled: true,
    CloudWatchMetricsEnabled: true,
    MetricName: 'acl',
  },
};
const ALB2 = 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/b/2';

beforeEach(() => {
  elbMock.reset();
  wafMock.reset();
  acmMock.reset();
});

describe('listApplicationLoadBalancers', () => {
  it('keeps only application load balancers, following pages', async () => {
    elbMock
      .on(DescribeLoadBalancersCommand)
      .resolvesOnce({
        LoadBalancers: [
          { LoadBalancerArn: ALB, Type: 'application' },
          { LoadBalancerArn: 'arn:nlb', Type: 'network' },
        ],
        NextMarker: 'more',
      })
      .resolvesOnce({
        LoadBalancers: [{ LoadBalancerArn: ALB2, Type: 'application' }],
      });

    await expect(listApplicationLoadBalancers(elbv2)).resolves.toEqual([
      ALB,
      ALB2,
    ]);
  });
});

describe('isTls12OrLaterPolicy', () => {
  it.each([
    ['ELBSecurityPolicy-TLS13-1-2-2021-06', true],
    ['ELBSecurityPolicy-TLS13-1-3-2021-06', true],
    ['ELBSecurityPolicy-FS-1-2-Res-2020-10', true],
    ['ELBSecurityPolicy-TLS-1-2-2017-01', true],
    ['ELBSecurityPolicy-2016-08', false],
    ['ELBSecurityPolicy-TLS-1-1-2017-01', false],
    ['ELBSecurityPolicy-TLS13-1-0-2021-06', false],
    ['ELBSecurityPolicy-FS-1-1-2019-08', false],
  ])('%s → %s', (policy, expected) => {
    expect(isTls12OrLaterPolicy(policy)).toBe(expected);
  });
});

describe('checkAlbTls', () => {
  it('passes HTTPS with TLS 1.2+ and HTTP that redirects to HTTPS', async () => {
    elbMock.on(DescribeListenersCommand).resolves({
      Listeners: [
        {
          ListenerArn: 'l-443',
          Port: 443,
          Protocol: 'HTTPS',
          SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        },
        {
          ListenerArn: 'l-80',
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [
            {
              Type: 'redirect',
              RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' },
            },
          ],
        },
      ],
    });

    await expect(checkAlbTls(elbv2, 'us-east-1', [ALB])).resolves.toEqual({
      status: 'PASS',
      evidence: [],
    });
    expect(elbMock).toHaveReceivedCommandWith(DescribeListenersCommand, {
      LoadBalancerArn: ALB,
    });
  });

  it('fails old TLS policies and plain HTTP forwards', async () => {
    elbMock.on(DescribeListenersCommand).resolves({
      Listeners: [
        {
          ListenerArn: 'l-443',
          Port: 443,
          Protocol: 'HTTPS',
          SslPolicy: 'ELBSecurityPolicy-2016-08',
        },
        {
          ListenerArn: 'l-80',
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [{ Type: 'forward', TargetGroupArn: 'tg' }],
        },
      ],
    });

    const outcome = await checkAlbTls(elbv2, 'us-east-1', [ALB]);

    expect(outcome).toEqual({
      status: 'FAIL',
      evidence: [
        {
          resourceId: 'l-443',
          resourceType: 'AwsElbv2Listener',
          region: 'us-east-1',
          detail:
            'HTTPS listener on port 443 uses ELBSecurityPolicy-2016-08, which allows TLS older than 1.2',
        },
        {
          resourceId: 'l-80',
          resourceType: 'AwsElbv2Listener',
          region: 'us-east-1',
          detail: 'HTTP listener on port 80 does not redirect to HTTPS',
        },
      ],
    });
  });

  it('is not applicable without application load balancers', async () => {
    const outcome = await checkAlbTls(elbv2, 'us-east-1', []);

    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(elbMock).not.toHaveReceivedAnyCommand();
  });
});

describe('checkWaf', () => {
  it('passes when every ALB has a web ACL', async () => {
    wafMock.on(GetWebACLForResourceCommand).resolves({ WebACL: webAcl });

    await expect(checkWaf(waf, 'us-east-1', [ALB, ALB2])).resolves.toEqual({
      status: 'PASS',
      evidence: [],
    });
    expect(wafMock).toHaveReceivedCommandTimes(GetWebACLForResourceCommand, 2);
  });

  it('fails the ALBs without one', async () => {
    wafMock
      .on(GetWebACLForResourceCommand, { ResourceArn: ALB })
      .resolves({ WebACL: webAcl })
      .on(GetWebACLForResourceCommand, { ResourceArn: ALB2 })
      .resolves({});

    const outcome = await checkWaf(waf, 'us-east-1', [ALB, ALB2]);

    expect(outcome).toEqual({
      status: 'FAIL',
      evidence: [
        {
          resourceId: ALB2,
          resourceType: 'AwsElbv2LoadBalancer',
          region: 'us-east-1',
          detail: 'no web ACL associated',
        },
      ],
    });
  });

  it('is not applicable without application load balancers', async () => {
    const outcome = await checkWaf(waf, 'us-east-1', []);

    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(wafMock).not.toHaveReceivedAnyCommand();
  });
});

describe('checkCertificateExpiry', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

  it('describes only certificates in use and passes those far from expiry', async () => {
    acmMock
      .on(ListCertificatesCommand)
      .resolvesOnce({
        CertificateSummaryList: [{ CertificateArn: 'cert-used', InUse: true }],
        NextToken: 'more',
      })
      .resolvesOnce({
        CertificateSummaryList: [
          { CertificateArn: 'cert-unused', InUse: false },
        ],
      });
    acmMock.on(DescribeCertificateCommand).resolves({
      Certificate: { NotAfter: inDays(90), InUseBy: [ALB] },
    });

    await expect(
      checkCertificateExpiry(acm, 'us-east-1', now),
    ).resolves.toEqual({ status: 'PASS', evidence: [] });
    expect(acmMock).toHaveReceivedCommandTimes(DescribeCertificateCommand, 1);
    expect(acmMock).toHaveReceivedCommandWith(DescribeCertificateCommand, {
      CertificateArn: 'cert-used',
    });
  });

  it('fails in-use certificates within 30 days of expiry', async () => {
    acmMock.on(ListCertificatesCommand).resolves({
      CertificateSummaryList: [
        { CertificateArn: 'cert-soon', InUse: true },
        { CertificateArn: 'cert-later', InUse: true },
      ],
    });
    acmMock
      .on(DescribeCertificateCommand, { CertificateArn: 'cert-soon' })
      .resolves({ Certificate: { NotAfter: inDays(12), InUseBy: [ALB] } })
      .on(DescribeCertificateCommand, { CertificateArn: 'cert-later' })
      .resolves({ Certificate: { NotAfter: inDays(31), InUseBy: [ALB] } });

    const outcome = await checkCertificateExpiry(acm, 'us-east-1', now);

    expect(outcome).toEqual({
      status: 'FAIL',
      evidence: [
        {
          resourceId: 'cert-soon',
          resourceType: 'AwsCertificateManagerCertificate',
          region: 'us-east-1',
          detail: `expires 2026-01-13T00:00:00.000Z (in 12 days); in use by ${ALB}`,
        },
      ],
    });
  });

  it('is not applicable when no certificate is in use', async () => {
    acmMock.on(ListCertificatesCommand).resolves({
      CertificateSummaryList: [{ CertificateArn: 'cert', InUse: false }],
    });

    const outcome = await checkCertificateExpiry(acm, 'us-east-1', now);

    expect(outcome.status).toBe('NOT_APPLICABLE');
    expect(acmMock).not.toHaveReceivedCommand(DescribeCertificateCommand);
  });
});
