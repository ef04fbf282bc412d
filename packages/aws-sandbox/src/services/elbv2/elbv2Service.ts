import { AwsQueryProtocol } from '../../protocols/AwsQueryProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { InputReader } from '../InputReader';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import { workloadOf } from '../workloadContext';

const ERROR = 'ValidationError';

const operations: Record<string, OperationHandler> = {
  DescribeLoadBalancers(input, context) {
    const r = new InputReader(input, 'DescribeLoadBalancers', ERROR);
    const arns = r.list<string>('LoadBalancerArns');
    const balancers = workloadOf(
      context,
      'Elastic Load Balancing',
    ).loadBalancers.filter(lb => !arns.length || arns.includes(lb.arn));
    return {
      LoadBalancers: balancers.map(lb => ({
        LoadBalancerArn: lb.arn,
        DNSName: lb.dnsName,
        CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
        CreatedTime: new Date('2025-06-01T08:00:00Z'),
        LoadBalancerName: lb.name,
        Scheme: 'internet-facing',
        VpcId: lb.vpcId,
        State: { Code: 'active' },
        Type: 'application',
        AvailabilityZones: lb.subnets.map(s => ({
          ZoneName: s.zone,
          SubnetId: s.subnetId,
        })),
        SecurityGroups: lb.securityGroups,
        IpAddressType: 'ipv4',
      })),
    };
  },

  DescribeListeners(input, context) {
    const r = new InputReader(input, 'DescribeListeners', ERROR);
    const balancer = r.optionalString('LoadBalancerArn');
    const workload = workloadOf(context, 'Elastic Load Balancing');
    if (balancer && !workload.loadBalancers.some(lb => lb.arn === balancer)) {
      throw new AwsServiceError(
        'LoadBalancerNotFound',
        `Load balancer '${balancer}' not found`,
        400,
      );
    }
    const listeners = workload.listeners.filter(
      l => !balancer || l.loadBalancerArn === balancer,
    );
    return {
      Listeners: listeners.map(l => ({
        ListenerArn: l.arn,
        LoadBalancerArn: l.loadBalancerArn,
        Port: l.port,
        Protocol: l.protocol,
        SslPolicy: l.sslPolicy,
        Certificates: l.certificateArn
          ? [{ CertificateArn: l.certificateArn }]
          : undefined,
        DefaultActions: [
          l.redirect
            ? {
                Type: 'redirect',
                Order: 1,
                RedirectConfig: {
                  Protocol: 'HTTPS',
                  Port: '443',
                  Host: '#{host}',
                  Path: '/#{path}',
                  Query: '#{query}',
                  StatusCode: 'HTTP_301',
                },
              }
            : {
                Type: 'forward',
                Order: 1,
                TargetGroupArn: l.loadBalancerArn.replace(
                  ':loadbalancer/app/app-alb/',
                  ':targetgroup/app/',
                ),
              },
        ],
      })),
    };
  },
};

/** Elastic Load Balancing v2 over awsQuery. */
export const elbv2Service: ServiceDefinition = {
  signingName: 'elasticloadbalancing',
  protocol: new AwsQueryProtocol(
    'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  ),
  throttle: { code: 'Throttling', statusCode: 400, message: 'Rate exceeded' },
  validationErrorCode: ERROR,
  operations,
};
