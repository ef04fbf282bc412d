import { InputReader } from '../InputReader';
import { paginate } from '../pagination';
import { OperationContext } from '../ServiceDefinition';
import { inspectorStringConditions } from './inspectorQuery';
import { stringConditionsPass } from '../../seed/findings/FindingQuery';
import { hexDigest } from '../../seed/resourceId';
import { FINDINGS_EPOCH_SECONDS } from './inspectorFindings';

/**
 * ListCoverage: the EC2 instances of each visible account in the Region
 * (from its EC2 resources) and one container repository image, all scanned
 * and ACTIVE.
 */
export function listCoverage(
  input: Record<string, unknown>,
  context: OperationContext,
) {
  const r = new InputReader(input, 'ListCoverage', 'ValidationException');
  const criteria = r.object('filterCriteria') ?? {};
  const { state, caller, region } = context;
  const admin = caller.accountId === state.delegatedAdminAccountId;
  const accountConditions = criteria.accountId
    ? inspectorStringConditions('accountId', criteria.accountId)
    : [];
  const typeConditions = criteria.resourceType
    ? inspectorStringConditions('resourceType', criteria.resourceType)
    : [];
  const scannedAt = new Date(FINDINGS_EPOCH_SECONDS * 1000);

  const accountIds = admin
    ? [...state.organization.accounts.values()]
        .filter(a => a.status === 'ACTIVE')
        .map(a => a.id)
    : [caller.accountId];
  const resources = accountIds
    .filter(id => stringConditionsPass(id, accountConditions))
    .flatMap(accountId => [
      ...state.ec2(accountId, region).instances.map(instance => ({
        resourceId: instance.instanceId,
        resourceType: 'AWS_EC2_INSTANCE',
        accountId,
        scanType: 'PACKAGE',
        scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
        scanMode: 'EC2_SSM_AGENT_BASED',
        resourceMetadata: {
          ec2: {
            amiId: instance.imageId,
            platform: 'LINUX',
            tags: Object.fromEntries(
              instance.tagSet.map(t => [t.key, t.value]),
            ),
          },
        },
        lastScannedAt: scannedAt,
      })),
      {
        resourceId: `sha256:${hexDigest(`${accountId}/image`, 64)}`,
        resourceType: 'AWS_ECR_CONTAINER_IMAGE',
        accountId,
        scanType: 'PACKAGE',
        scanStatus: { statusCode: 'ACTIVE', reason: 'SUCCESSFUL' },
        resourceMetadata: {
          ecrImage: { tags: ['latest'], imagePulledAt: scannedAt },
          ecrRepository: { name: 'app-1', scanFrequency: 'CONTINUOUS_SCAN' },
        },
        lastScannedAt: scannedAt,
      },
    ])
    .filter(resource =>
      stringConditionsPass(resource.resourceType, typeConditions),
    );
  const page = paginate(
    resources,
    `ListCoverage:${caller.accountId}:${region}:${JSON.stringify(criteria)}`,
    r.optionalString('nextToken'),
    r.pageSize('maxResults', 100, 200),
    'ValidationException',
  );
  return { coveredResources: page.items, nextToken: page.nextToken };
}
