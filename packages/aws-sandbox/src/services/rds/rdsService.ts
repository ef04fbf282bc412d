import { AwsQueryProtocol } from '../../protocols/AwsQueryProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { XmlList } from '../../protocols/xmlDocument';
import { InputReader } from '../InputReader';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import { workloadOf } from '../workloadContext';

const ERROR = 'InvalidParameterValue';

const operations: Record<string, OperationHandler> = {
  DescribeDBClusters(input, context) {
    const id = new InputReader(
      input,
      'DescribeDBClusters',
      ERROR,
    ).optionalString('DBClusterIdentifier');
    const clusters = workloadOf(context, 'RDS').dbClusters.filter(
      c => !id || c.id === id || c.arn === id,
    );
    if (id && !clusters.length) {
      throw new AwsServiceError(
        'DBClusterNotFoundFault',
        `DBCluster ${id} not found.`,
        404,
      );
    }
    return {
      DBClusters: new XmlList(
        clusters.map(c => ({
          DBClusterIdentifier: c.id,
          DBClusterArn: c.arn,
          Engine: 'aurora-postgresql',
          EngineVersion: '16.4',
          EngineMode: 'provisioned',
          Status: 'available',
          StorageEncrypted: c.encrypted,
          KmsKeyId: c.kmsKeyId,
          IAMDatabaseAuthenticationEnabled: c.iamAuth,
          PubliclyAccessible: c.publiclyAccessible,
          MultiAZ: c.multiAz,
          AvailabilityZones: new XmlList(c.zones, 'AvailabilityZone'),
          DBSubnetGroup: c.subnetGroup,
          DeletionProtection: true,
          ClusterCreateTime: new Date('2025-06-01T08:00:00Z'),
        })),
        'DBCluster',
      ),
    };
  },
};

/** Amazon RDS over awsQuery. */
export const rdsService: ServiceDefinition = {
  signingName: 'rds',
  protocol: new AwsQueryProtocol('http://rds.amazonaws.com/doc/2014-10-31/'),
  throttle: { code: 'Throttling', statusCode: 400, message: 'Rate exceeded' },
  validationErrorCode: ERROR,
  operations,
};
