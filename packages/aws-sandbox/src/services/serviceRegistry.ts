import { accessAnalyzerService } from './accessanalyzer/accessAnalyzerService';
import { acmService } from './acm/acmService';
import { cloudFormationService } from './cloudformation/cloudFormationService';
import { configService } from './config/configService';
import { ec2Service } from './ec2/ec2Service';
import { elbv2Service } from './elbv2/elbv2Service';
import { guardDutyService } from './guardduty/guardDutyService';
import { inspectorService } from './inspector2/inspectorService';
import { kmsService } from './kms/kmsService';
import { organizationsService } from './organizations/organizationsService';
import { rdsService } from './rds/rdsService';
import { s3ControlService } from './s3control/s3ControlService';
import { secretsManagerService } from './secretsmanager/secretsManagerService';
import { securityHubService } from './securityhub/securityHubService';
import { ServiceDefinition } from './ServiceDefinition';
import { serviceCatalogService } from './servicecatalog/serviceCatalogService';
import { ssmService } from './ssm/ssmService';
import { stsService } from './sts/stsService';
import { wafv2Service } from './wafv2/wafv2Service';

/** Every service the sandbox speaks, by SigV4 signing name. */
export const SERVICES: ReadonlyMap<string, ServiceDefinition> = new Map(
  [
    stsService,
    organizationsService,
    serviceCatalogService,
    cloudFormationService,
    ec2Service,
    s3ControlService,
    securityHubService,
    inspectorService,
    guardDutyService,
    configService,
    accessAnalyzerService,
    ssmService,
    elbv2Service,
    acmService,
    kmsService,
    secretsManagerService,
    rdsService,
    wafv2Service,
  ].map(service => [service.signingName, service]),
);
