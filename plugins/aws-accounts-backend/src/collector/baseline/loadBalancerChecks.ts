import {
  ACMClient,
  DescribeCertificateCommand,
  paginateListCertificates,
} from '@aws-sdk/client-acm';
import {
  ElasticLoadBalancingV2Client,
  Listener,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  GetWebACLForResourceCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { CheckEvidence } from '@sra-backstage/plugin-aws-accounts-common';
import { CheckOutcome, failIfAny, notApplicable } from './CheckOutcome';

const DAY_MS = 86_400_000;

/** Days before `NotAfter` from which an in-use certificate fails. */
export const CERTIFICATE_EXPIRY_DAYS = 30;

/**
 * The ARNs of the Region's application load balancers. Read once per
 * Region and shared by `alb-tls` and `waf`.
 */
export async function listApplicationLoadBalancers(
  elbv2: ElasticLoadBalancingV2Client,
): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateDescribeLoadBalancers(
    { client: elbv2, pageSize: 400 },
    {},
  )) {
    for (const balancer of page.LoadBalancers ?? []) {
      if (balancer.Type === 'application' && balancer.LoadBalancerArn) {
        arns.push(balancer.LoadBalancerArn);
      }
    }
  }
  return arns;
}

/**
 * Whether an ELB predefined policy allows only TLS 1.2 and up: their names
 * carry the minimum version (`ELBSecurityPolicy-TLS13-1-2-2021-06`,
 * `ELBSecurityPolicy-FS-1-2-Res-2020-10`, `...-TLS-1-2-2017-01`).
 */
export function isTls12OrLaterPolicy(policy: string | undefined): boolean {
  return policy !== undefined && /-1-[23](-|$)/.test(policy);
}

function listenerProblem(listener: Listener): string | undefined {
  if (listener.Protocol === 'HTTPS') {
    return isTls12OrLaterPolicy(listener.SslPolicy)
      ? undefined
      : `HTTPS listener on port ${listener.Port} uses ${
          listener.SslPolicy ?? 'no security policy'
        }, which allows TLS older than 1.2`;
  }
  if (listener.Protocol === 'HTTP') {
    const redirects = (listener.DefaultActions ?? []).some(
      action =>
        action.Type === 'redirect' &&
        action.RedirectConfig?.Protocol === 'HTTPS',
    );
    return redirects
      ? undefined
      : `HTTP listener on port ${listener.Port} does not redirect to HTTPS`;
  }
  return undefined;
}

/**
 * `alb-tls`: every ALB listener is HTTPS with a TLS 1.2+ policy, or HTTP
 * that redirects to HTTPS.
 */
export async function checkAlbTls(
  elbv2: ElasticLoadBalancingV2Client,
  region: string,
  loadBalancerArns: string[],
): Promise<CheckOutcome> {
  if (loadBalancerArns.length === 0) {
    return notApplicable(`no application load balancers in ${region}`);
  }
  const evidence: CheckEvidence[] = [];
  for (const LoadBalancerArn of loadBalancerArns) {
    for await (const page of paginateDescribeListeners(
      { client: elbv2, pageSize: 400 },
      { LoadBalancerArn },
    )) {
      for (const listener of page.Listeners ?? []) {
        const problem = listenerProblem(listener);
        if (problem) {
          evidence.push({
            resourceId: listener.ListenerArn ?? LoadBalancerArn,
            resourceType: 'AwsElbv2Listener',
            region,
            detail: problem,
          });
        }
      }
    }
  }
  return failIfAny(evidence);
}

/** `waf`: every application load balancer has a web ACL. */
export async function checkWaf(
  waf: WAFV2Client,
  region: string,
  loadBalancerArns: string[],
): Promise<CheckOutcome> {
  if (loadBalancerArns.length === 0) {
    return notApplicable(`no application load balancers in ${region}`);
  }
  const evidence: CheckEvidence[] = [];
  for (const ResourceArn of loadBalancerArns) {
    const response = await waf.send(
      new GetWebACLForResourceCommand({ ResourceArn }),
    );
    if (!response.WebACL) {
      evidence.push({
        resourceId: ResourceArn,
        resourceType: 'AwsElbv2LoadBalancer',
        region,
        detail: 'no web ACL associated',
      });
    }
  }
  return failIfAny(evidence);
}

/**
 * `certificate-expiry`: no ACM certificate in use expires within
 * {@link CERTIFICATE_EXPIRY_DAYS} days. Only certificates that the list
 * marks in use are described.
 */
export async function checkCertificateExpiry(
  acm: ACMClient,
  region: string,
  now: Date = new Date(),
): Promise<CheckOutcome> {
  const inUse: string[] = [];
  for await (const page of paginateListCertificates(
    { client: acm, pageSize: 1000 },
    {},
  )) {
    for (const summary of page.CertificateSummaryList ?? []) {
      if (summary.InUse && summary.CertificateArn) {
        inUse.push(summary.CertificateArn);
      }
    }
  }
  if (inUse.length === 0) {
    return notApplicable(`no ACM certificates in use in ${region}`);
  }

  const limit = now.getTime() + CERTIFICATE_EXPIRY_DAYS * DAY_MS;
  const evidence: CheckEvidence[] = [];
  for (const CertificateArn of inUse) {
    const { Certificate } = await acm.send(
      new DescribeCertificateCommand({ CertificateArn }),
    );
    if (!Certificate || (Certificate.InUseBy ?? []).length === 0) continue;
    const notAfter = Certificate.NotAfter;
    if (!notAfter || notAfter.getTime() <= limit) {
      const days = notAfter
        ? Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS)
        : undefined;
      evidence.push({
        resourceId: CertificateArn,
        resourceType: 'AwsCertificateManagerCertificate',
        region,
        detail: `${
          notAfter
            ? `expires ${notAfter.toISOString()} (${
                days !== undefined && days < 0 ? 'expired' : `in ${days} days`
              })`
            : 'has no expiry date'
        }; in use by ${Certificate.InUseBy?.join(', ')}`,
      });
    }
  }
  return failIfAny(evidence);
}
