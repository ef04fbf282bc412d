import { AwsJsonProtocol } from '../../protocols/AwsJsonProtocol';
import { AwsServiceError } from '../../protocols/AwsServiceError';
import { InputReader } from '../InputReader';
import { OperationHandler, ServiceDefinition } from '../ServiceDefinition';
import { workloadOf } from '../workloadContext';

const ERROR = 'ValidationException';

const operations: Record<string, OperationHandler> = {
  ListCertificates(_input, context) {
    return {
      CertificateSummaryList: workloadOf(
        context,
        'Certificate Manager',
      ).certificates.map(c => ({
        CertificateArn: c.arn,
        DomainName: c.domainName,
        Status: 'ISSUED',
        Type: 'AMAZON_ISSUED',
        InUse: c.inUseBy.length > 0,
        NotBefore: c.notBefore,
        NotAfter: c.notAfter,
        RenewalEligibility: 'ELIGIBLE',
      })),
    };
  },

  DescribeCertificate(input, context) {
    const arn = new InputReader(input, 'DescribeCertificate', ERROR).string(
      'CertificateArn',
    );
    const certificate = workloadOf(
      context,
      'Certificate Manager',
    ).certificates.find(c => c.arn === arn);
    if (!certificate) {
      throw new AwsServiceError(
        'ResourceNotFoundException',
        `Could not find certificate ${arn}.`,
        400,
      );
    }
    return {
      Certificate: {
        CertificateArn: certificate.arn,
        DomainName: certificate.domainName,
        SubjectAlternativeNames: [certificate.domainName],
        Status: 'ISSUED',
        Type: 'AMAZON_ISSUED',
        NotBefore: certificate.notBefore,
        NotAfter: certificate.notAfter,
        InUseBy: certificate.inUseBy,
        KeyAlgorithm: 'RSA_2048',
        RenewalEligibility: 'ELIGIBLE',
      },
    };
  },
};

/** AWS Certificate Manager over awsJson1_1. */
export const acmService: ServiceDefinition = {
  signingName: 'acm',
  protocol: new AwsJsonProtocol('1.1'),
  throttle: {
    code: 'ThrottlingException',
    statusCode: 400,
    message: 'Rate exceeded',
  },
  validationErrorCode: ERROR,
  operations,
};
