import { FINDING_STREAMS, Random } from '../../seed/findings/Random';
import { VULNERABILITY_CATALOG } from '../../seed/findings/vulnerabilityCatalog';
import { hexDigest, resourceId } from '../../seed/resourceId';
import { SEED_TODAY_MS } from '../../seed/seedClock';

export const INSPECTOR_SEVERITIES = [
  'INFORMATIONAL',
  'LOW',
  'MEDIUM',
  'HIGH',
  'CRITICAL',
  'UNTRIAGED',
] as const;
export const INSPECTOR_STATUSES = ['ACTIVE', 'SUPPRESSED', 'CLOSED'] as const;
export const INSPECTOR_RESOURCE_TYPES = [
  'AWS_EC2_INSTANCE',
  'AWS_ECR_CONTAINER_IMAGE',
  'AWS_LAMBDA_FUNCTION',
] as const;
export const INSPECTOR_FINDING_TYPES = [
  'PACKAGE_VULNERABILITY',
  'NETWORK_REACHABILITY',
] as const;
export const FIX_AVAILABLE = ['', 'YES', 'NO', 'PARTIAL'] as const;
export const EXPLOIT_AVAILABLE = ['', 'YES', 'NO'] as const;
/** Vulnerability ids by code; the last code means "no vulnerability". */
export const VULNERABILITY_IDS = [...VULNERABILITY_CATALOG.map(v => v.id), ''];

/** The moment generated findings are dated back from, in seconds. */
export const FINDINGS_EPOCH_SECONDS = SEED_TODAY_MS / 1000;
const DAY = 86400;

/** What filtering reads of an Inspector finding, as column codes. */
export interface InspectorAttributes {
  severity: number;
  status: number;
  resourceType: number;
  findingType: number;
  region: number;
  vulnerability: number;
  fixAvailable: number;
  exploitAvailable: number;
  updatedAt: number;
  firstObservedAt: number;
}

/**
 * The filterable attributes of finding `local` of an account: status
 * mostly ACTIVE, some SUPPRESSED or CLOSED; about one in twelve a network
 * reachability finding without a package; fixAvailable and
 * exploitAvailable sometimes absent, as AWS leaves them.
 */
export function inspectorAttributes(
  accountId: string,
  local: number,
  regionCount: number,
): InspectorAttributes {
  const random = Random.forFinding(FINDING_STREAMS.inspector, accountId, local);
  const network = random.next() < 0.08;
  const vulnerabilityIndex = network
    ? VULNERABILITY_CATALOG.length
    : random.integer(VULNERABILITY_CATALOG.length);
  const vulnerability = VULNERABILITY_CATALOG[vulnerabilityIndex];
  let resourceType = 0;
  if (network) {
    resourceType = 0;
  } else if (vulnerability.packageManager === 'OS') {
    resourceType = random.next() < 0.6 ? 0 : 1;
  } else if (vulnerability.packageManager === 'GOMOD') {
    resourceType = 1;
  } else {
    resourceType = random.next() < 0.6 ? 1 : 2;
  }
  const severityLabel = network
    ? random.pick(['MEDIUM', 'HIGH'] as const)
    : vulnerability.severity;
  const updatedAt =
    FINDINGS_EPOCH_SECONDS - Math.floor(random.next() * 120 * DAY);
  let fixAvailable = 0;
  let exploitAvailable = 0;
  if (!network && random.next() >= 0.1) {
    const partial = random.next() >= 0.9;
    if (!vulnerability.fixedInVersion) {
      fixAvailable = 2;
    } else {
      fixAvailable = partial ? 3 : 1;
    }
  }
  if (!network && random.next() >= 0.1) {
    exploitAvailable = vulnerability.exploitAvailable ? 1 : 2;
  }
  return {
    severity: INSPECTOR_SEVERITIES.indexOf(severityLabel),
    status: random.weighted([
      [0, 80],
      [1, 5],
      [2, 15],
    ] as const),
    resourceType,
    findingType: network ? 1 : 0,
    region:
      random.next() < 0.75 || regionCount < 2
        ? 0
        : 1 + random.integer(regionCount - 1),
    vulnerability: vulnerabilityIndex,
    fixAvailable,
    exploitAvailable,
    updatedAt,
    firstObservedAt: updatedAt - Math.floor(random.next() * 200 * DAY),
  };
}

function resourceFor(
  accountId: string,
  region: string,
  type: string,
  local: number,
) {
  const bucket = local % 5;
  if (type === 'AWS_EC2_INSTANCE') {
    const id = resourceId('i', accountId, region, 'inspected', bucket);
    return {
      type,
      id,
      partition: 'aws',
      region,
      tags: { Name: `app-${bucket + 1}` },
      details: {
        awsEc2Instance: {
          type: 't3.medium',
          imageId: resourceId('ami', region, 'al2023'),
          ipV4Addresses: [`10.20.${bucket}.10`],
          ipV6Addresses: [],
          platform: 'AMAZON_LINUX_2023',
          subnetId: resourceId(
            'subnet',
            accountId,
            region,
            'workload',
            'app',
            'a',
          ),
          vpcId: resourceId('vpc', accountId, region, 'workload'),
          launchedAt: new Date((FINDINGS_EPOCH_SECONDS - 300 * DAY) * 1000),
          iamInstanceProfileArn: `arn:aws:iam::${accountId}:instance-profile/AmazonSSMManagedInstanceCore`,
        },
      },
    };
  }
  if (type === 'AWS_ECR_CONTAINER_IMAGE') {
    const digest = `sha256:${hexDigest(`${accountId}/${bucket}`, 64)}`;
    return {
      type,
      id: `arn:aws:ecr:${region}:${accountId}:repository/app-${
        bucket + 1
      }/${digest}`,
      partition: 'aws',
      region,
      details: {
        awsEcrContainerImage: {
          architecture: 'amd64',
          imageHash: digest,
          imageTags: [`v1.${bucket}.0`],
          platform: 'AMAZON_LINUX_2023',
          pushedAt: new Date((FINDINGS_EPOCH_SECONDS - 60 * DAY) * 1000),
          registry: accountId,
          repositoryName: `app-${bucket + 1}`,
        },
      },
    };
  }
  return {
    type,
    id: `arn:aws:lambda:${region}:${accountId}:function:app-handler-${
      bucket + 1
    }:$LATEST`,
    partition: 'aws',
    region,
    details: {
      awsLambdaFunction: {
        functionName: `app-handler-${bucket + 1}`,
        runtime: 'NODEJS_18_X',
        codeSha256: Buffer.from(
          hexDigest(`${accountId}/lambda/${bucket}`, 32),
        ).toString('base64'),
        version: '$LATEST',
        executionRoleArn: `arn:aws:iam::${accountId}:role/app-handler-role`,
        packageType: 'ZIP',
      },
    },
  };
}

/** The whole Inspector2 finding, in the ListFindings wire shape. */
export function inspectorFinding(
  accountId: string,
  local: number,
  regions: readonly string[],
) {
  const a = inspectorAttributes(accountId, local, regions.length);
  const region = regions[a.region];
  const type = INSPECTOR_RESOURCE_TYPES[a.resourceType];
  const resource = resourceFor(accountId, region, type, local);
  const findingArn = `arn:aws:inspector2:${region}:${accountId}:finding/${hexDigest(
    `${accountId}/${local}`,
    32,
  )}`;
  const severity = INSPECTOR_SEVERITIES[a.severity];
  const common = {
    awsAccountId: accountId,
    findingArn,
    firstObservedAt: new Date(a.firstObservedAt * 1000),
    lastObservedAt: new Date(a.updatedAt * 1000),
    updatedAt: new Date(a.updatedAt * 1000),
    severity,
    status: INSPECTOR_STATUSES[a.status],
    type: INSPECTOR_FINDING_TYPES[a.findingType],
    resources: [resource],
    fixAvailable: FIX_AVAILABLE[a.fixAvailable] || undefined,
    exploitAvailable: EXPLOIT_AVAILABLE[a.exploitAvailable] || undefined,
  };

  if (a.findingType === 1) {
    const port = [22, 3389, 5432][local % 3];
    return {
      ...common,
      title: `Port ${port} is reachable from an Internet Gateway`,
      description: `On the instance ${resource.id}, the port range ${port}-${port} is reachable from the InternetGateway.`,
      remediation: {
        recommendation: {
          text: 'You can restrict access to your instance by modifying the Security Groups or ACLs in the network path.',
        },
      },
      networkReachabilityDetails: {
        openPortRange: { begin: port, end: port },
        protocol: 'TCP',
        networkPath: {
          steps: [
            {
              componentId: resourceId('igw', accountId, region, 'legacy'),
              componentType: 'AWS::EC2::InternetGateway',
            },
          ],
        },
      },
    };
  }

  const v = VULNERABILITY_CATALOG[a.vulnerability];
  const withScore = v.cvss && local % 7 !== 3;
  return {
    ...common,
    title: `${v.id} - ${v.packageName}`,
    description: v.description,
    remediation: {
      recommendation: {
        text: v.fixedInVersion
          ? `Upgrade ${v.packageName} to ${v.fixedInVersion} or later.`
          : 'None Provided',
      },
    },
    inspectorScore: withScore ? v.cvss!.score : undefined,
    inspectorScoreDetails: withScore
      ? {
          adjustedCvss: {
            score: v.cvss!.score,
            scoreSource: 'NVD',
            scoringVector: v.cvss!.vector,
            version: v.cvss!.version,
            adjustments: [],
            cvssSource: 'NVD',
          },
        }
      : undefined,
    epss: { score: v.epss },
    packageVulnerabilityDetails: {
      vulnerabilityId: v.id,
      source: 'NVD',
      sourceUrl: `https://nvd.nist.gov/vuln/detail/${v.id}`,
      vendorSeverity: v.severity === 'UNTRIAGED' ? undefined : v.severity,
      cvss: v.cvss
        ? [
            {
              baseScore: v.cvss.score,
              scoringVector: v.cvss.vector,
              source: 'NVD',
              version: v.cvss.version,
            },
          ]
        : [],
      referenceUrls: [`https://nvd.nist.gov/vuln/detail/${v.id}`],
      relatedVulnerabilities: [],
      vulnerablePackages: [
        {
          name: v.packageName,
          version: v.version,
          packageManager: v.packageManager,
          fixedInVersion: v.fixedInVersion ?? 'NotAvailable',
          remediation: v.fixedInVersion
            ? `Upgrade ${v.packageName} to ${v.fixedInVersion}`
            : undefined,
          arch: v.packageManager === 'OS' ? 'X86_64' : undefined,
        },
      ],
    },
  };
}
