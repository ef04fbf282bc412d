import { Ec2QueryProtocol } from '../../protocols/Ec2QueryProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { resourceId } from '../../seed/resourceId';
import { InputReader } from '../InputReader';
import { paginate } from '../pagination';
import {
  OperationContext,
  OperationHandler,
  ServiceDefinition,
} from '../ServiceDefinition';
import { applyFilters, FilterFields } from './ec2Filters';
import {
  Ec2Resources,
  FlowLog,
  Instance,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
  VpcEndpoint,
} from './Ec2Resources';

const ERROR = 'InvalidParameterValue';

function reader(input: Record<string, unknown>, operation: string) {
  return new InputReader(input, operation, ERROR);
}

function resourcesOf(context: OperationContext): Ec2Resources {
  if (!context.state.regions.includes(context.region)) {
    throw new AwsServiceError(
      'AuthFailure',
      `Region ${context.region} is not enabled for account ${
        context.caller.accountId
      }; use one of ${context.state.regions.join(', ')}.`,
      401,
    );
  }
  return context.state.ec2(context.caller.accountId, context.region);
}

function describe<T extends { tagSet?: { key: string; value: string }[] }>(
  input: Record<string, unknown>,
  operation: string,
  items: T[],
  fields: FilterFields<T>,
  ids: { member: string; idOf: (item: T) => string; notFound: string },
) {
  const r = reader(input, operation);
  const wanted = r.list<string>(ids.member);
  for (const id of wanted) {
    if (!items.some(item => ids.idOf(item) === id)) {
      throw new AwsServiceError(
        ids.notFound,
        `The ID '${id}' does not exist`,
        400,
      );
    }
  }
  const selected = applyFilters(
    wanted.length
      ? items.filter(item => wanted.includes(ids.idOf(item)))
      : items,
    r.list('Filter'),
    fields,
  );
  return paginate(
    selected,
    `${operation}:${JSON.stringify(input.Filter ?? [])}:${wanted.join(',')}`,
    r.optionalString('NextToken'),
    r.pageSize('MaxResults', 1000, 1000),
    ERROR,
  );
}

const vpcFields: FilterFields<Vpc> = {
  'vpc-id': v => v.vpcId,
  'is-default': v => v.isDefault,
  cidr: v => v.cidrBlock,
  state: v => v.state,
  'owner-id': v => v.ownerId,
};
const subnetFields: FilterFields<Subnet> = {
  'subnet-id': s => s.subnetId,
  'vpc-id': s => s.vpcId,
  'availability-zone': s => s.availabilityZone,
  'default-for-az': s => s.defaultForAz,
  'map-public-ip-on-launch': s => s.mapPublicIpOnLaunch,
  state: s => s.state,
};
const routeTableFields: FilterFields<RouteTable> = {
  'route-table-id': t => t.routeTableId,
  'vpc-id': t => t.vpcId,
  'association.subnet-id': t => t.associationSet.map(a => a.subnetId),
  'association.main': t => t.associationSet.map(a => a.main),
  'route.destination-cidr-block': t =>
    t.routeSet.map(r => r.destinationCidrBlock),
  'route.gateway-id': t => t.routeSet.map(r => r.gatewayId),
};
const groupFields: FilterFields<SecurityGroup> = {
  'group-id': g => g.groupId,
  'group-name': g => g.groupName,
  'vpc-id': g => g.vpcId,
  'ip-permission.cidr': g =>
    g.ipPermissions.flatMap(p => p.ipRanges.map(r => r.cidrIp)),
  'ip-permission.from-port': g => g.ipPermissions.map(p => p.fromPort),
  'ip-permission.to-port': g => g.ipPermissions.map(p => p.toPort),
};
const flowLogFields: FilterFields<FlowLog> = {
  'resource-id': f => f.resourceId,
  'flow-log-id': f => f.flowLogId,
  'deliver-log-status': f => f.deliverLogsStatus,
  'traffic-type': f => f.trafficType,
  'log-destination-type': f => f.logDestinationType,
};
const endpointFields: FilterFields<VpcEndpoint> = {
  'vpc-id': e => e.vpcId,
  'vpc-endpoint-id': e => e.vpcEndpointId,
  'vpc-endpoint-state': e => e.state,
  'vpc-endpoint-type': e => e.vpcEndpointType,
  'service-name': e => e.serviceName,
};
const instanceFields: FilterFields<Instance> = {
  'instance-id': i => i.instanceId,
  'instance-state-name': i => i.instanceState.name,
  'vpc-id': i => i.vpcId,
  'subnet-id': i => i.subnetId,
  'metadata-options.http-tokens': i => i.metadataOptions.httpTokens,
  'metadata-options.http-endpoint': i => i.metadataOptions.httpEndpoint,
};

const operations: Record<string, OperationHandler> = {
  GetEbsEncryptionByDefault(_input, context) {
    return {
      ebsEncryptionByDefault: resourcesOf(context).ebsEncryptionByDefault,
      sseType: 'sse-ebs',
    };
  },
  EnableEbsEncryptionByDefault(_input, context) {
    resourcesOf(context).ebsEncryptionByDefault = true;
    return { ebsEncryptionByDefault: true };
  },
  DisableEbsEncryptionByDefault(_input, context) {
    resourcesOf(context).ebsEncryptionByDefault = false;
    return { ebsEncryptionByDefault: false };
  },
  GetEbsDefaultKmsKeyId(_input, context) {
    return { kmsKeyId: resourcesOf(context).ebsDefaultKmsKeyId };
  },
  GetInstanceMetadataDefaults(_input, context) {
    const d = resourcesOf(context).instanceMetadataDefaults;
    return {
      accountLevel: {
        httpTokens: d.HttpTokens,
        httpPutResponseHopLimit: d.HttpPutResponseHopLimit,
        httpEndpoint: d.HttpEndpoint,
        instanceMetadataTags: d.InstanceMetadataTags,
      },
    };
  },
  ModifyInstanceMetadataDefaults(input, context) {
    const r = reader(input, 'ModifyInstanceMetadataDefaults');
    const defaults = resourcesOf(context).instanceMetadataDefaults;
    const tokens = r.optionalString('HttpTokens');
    if (tokens && !['optional', 'required', 'no-preference'].includes(tokens)) {
      throw r.error(
        `HttpTokens must be optional, required or no-preference; got ${tokens}.`,
      );
    }
    const hopLimit = r.optionalNumber('HttpPutResponseHopLimit');
    if (hopLimit !== undefined && (hopLimit < -1 || hopLimit > 64)) {
      throw r.error(
        `HttpPutResponseHopLimit must be -1 (no preference) or 1 to 64; got ${hopLimit}.`,
      );
    }
    const endpoint = r.optionalString('HttpEndpoint');
    const tags = r.optionalString('InstanceMetadataTags');
    const set = <K extends keyof typeof defaults>(
      key: K,
      value: (typeof defaults)[K] | 'no-preference' | -1 | undefined,
    ) => {
      if (value === undefined) return;
      if (value === 'no-preference' || value === -1) delete defaults[key];
      else defaults[key] = value as (typeof defaults)[K];
    };
    set('HttpTokens', tokens as 'optional' | 'required' | undefined);
    set('HttpPutResponseHopLimit', hopLimit);
    set('HttpEndpoint', endpoint as 'enabled' | 'disabled' | undefined);
    set('InstanceMetadataTags', tags as 'enabled' | 'disabled' | undefined);
    return { return: true };
  },
  DescribeInstances(input, context) {
    const resources = resourcesOf(context);
    const page = describe(
      input,
      'DescribeInstances',
      resources.instances,
      instanceFields,
      {
        member: 'InstanceId',
        idOf: i => i.instanceId,
        notFound: 'InvalidInstanceID.NotFound',
      },
    );
    return {
      reservationSet: page.items.map(instance => ({
        reservationId: resourceId('r', instance.instanceId),
        ownerId: context.caller.accountId,
        groupSet: [],
        instancesSet: [instance],
      })),
      nextToken: page.nextToken,
    };
  },
  DescribeVpcs(input, context) {
    const page = describe(
      input,
      'DescribeVpcs',
      resourcesOf(context).vpcs,
      vpcFields,
      {
        member: 'VpcId',
        idOf: v => v.vpcId,
        notFound: 'InvalidVpcID.NotFound',
      },
    );
    return { vpcSet: page.items, nextToken: page.nextToken };
  },
  DescribeSubnets(input, context) {
    const page = describe(
      input,
      'DescribeSubnets',
      resourcesOf(context).subnets,
      subnetFields,
      {
        member: 'SubnetId',
        idOf: s => s.subnetId,
        notFound: 'InvalidSubnetID.NotFound',
      },
    );
    return { subnetSet: page.items, nextToken: page.nextToken };
  },
  DescribeRouteTables(input, context) {
    const page = describe(
      input,
      'DescribeRouteTables',
      resourcesOf(context).routeTables,
      routeTableFields,
      {
        member: 'RouteTableId',
        idOf: t => t.routeTableId,
        notFound: 'InvalidRouteTableID.NotFound',
      },
    );
    return { routeTableSet: page.items, nextToken: page.nextToken };
  },
  DescribeSecurityGroups(input, context) {
    const page = describe(
      input,
      'DescribeSecurityGroups',
      resourcesOf(context).securityGroups,
      groupFields,
      {
        member: 'GroupId',
        idOf: g => g.groupId,
        notFound: 'InvalidGroup.NotFound',
      },
    );
    return { securityGroupInfo: page.items, nextToken: page.nextToken };
  },
  DescribeFlowLogs(input, context) {
    const page = describe(
      input,
      'DescribeFlowLogs',
      resourcesOf(context).flowLogs,
      flowLogFields,
      {
        member: 'FlowLogId',
        idOf: f => f.flowLogId,
        notFound: 'InvalidFlowLogId.NotFound',
      },
    );
    return { flowLogSet: page.items, nextToken: page.nextToken };
  },
  DescribeVpcEndpoints(input, context) {
    const page = describe(
      input,
      'DescribeVpcEndpoints',
      resourcesOf(context).vpcEndpoints,
      endpointFields,
      {
        member: 'VpcEndpointId',
        idOf: e => e.vpcEndpointId,
        notFound: 'InvalidVpcEndpointId.NotFound',
      },
    );
    return { vpcEndpointSet: page.items, nextToken: page.nextToken };
  },
  CreateFlowLogs(input, context) {
    const r = reader(input, 'CreateFlowLogs');
    const resources = resourcesOf(context);
    const ids = r.list<string>('ResourceId');
    const unsuccessful: {
      resourceId: string;
      error: { code: string; message: string };
    }[] = [];
    const created: string[] = [];
    for (const id of ids) {
      if (!resources.vpcs.some(v => v.vpcId === id)) {
        unsuccessful.push({
          resourceId: id,
          error: {
            code: 'InvalidVpcID.NotFound',
            message: `The vpc ID '${id}' does not exist`,
          },
        });
        continue;
      }
      const flowLogId = resourceId(
        'fl',
        context.caller.accountId,
        context.region,
        id,
        resources.flowLogs.length,
      );
      resources.flowLogs.push({
        flowLogId,
        resourceId: id,
        flowLogStatus: 'ACTIVE',
        deliverLogsStatus: 'SUCCESS',
        trafficType: (r.optionalString('TrafficType') ??
          'ALL') as FlowLog['trafficType'],
        logDestinationType: (r.optionalString('LogDestinationType') ??
          'cloud-watch-logs') as FlowLog['logDestinationType'],
        logDestination:
          r.optionalString('LogDestination') ??
          `arn:aws:logs:${context.region}:${context.caller.accountId}:log-group:vpc-flow-logs`,
        creationTime: new Date(),
        tagSet: [],
      });
      created.push(flowLogId);
    }
    return {
      flowLogIdSet: created,
      unsuccessful,
      clientToken: r.optionalString('ClientToken'),
    };
  },
  DescribeRegions(_input, context) {
    return {
      regionInfo: context.state.regions.map(regionName => ({
        regionName,
        regionEndpoint: `ec2.${regionName}.amazonaws.com`,
        optInStatus: 'opt-in-not-required',
      })),
    };
  },
};

/** Amazon EC2 over ec2Query. */
export const ec2Service: ServiceDefinition = {
  signingName: 'ec2',
  protocol: new Ec2QueryProtocol(),
  throttle: {
    code: 'RequestLimitExceeded',
    statusCode: 503,
    message: 'Request limit exceeded.',
  },
  validationErrorCode: ERROR,
  operations,
};
