import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import {
  SecurityServiceId,
  SecurityServiceStatus,
  ServiceState,
} from '@sra-backstage/plugin-aws-accounts-common';

const SERVICE_NAMES: Record<SecurityServiceId, string> = {
  guardduty: 'GuardDuty',
  securityhub: 'Security Hub',
  config: 'AWS Config',
  'access-analyzer': 'IAM Access Analyzer',
  'inspector-ec2': 'Inspector (EC2)',
  'inspector-ecr': 'Inspector (ECR)',
  'inspector-lambda': 'Inspector (Lambda)',
};

function StateLabel(props: { state: ServiceState | undefined }) {
  switch (props.state) {
    case 'ON':
      return <StatusOK>On</StatusOK>;
    case 'OFF':
      return <StatusError>Off</StatusError>;
    case 'UNKNOWN':
      return <StatusWarning>Unknown</StatusWarning>;
    default:
      return <Typography variant="body2">Not collected</Typography>;
  }
}

/**
 * The security services of an account as a service-by-Region grid, and
 * below it the reason for every service that is off or unknown.
 *
 * @internal
 */
export function SecurityServicesList(props: {
  services: SecurityServiceStatus[];
}) {
  const { services } = props;
  const regions = [...new Set(services.map(s => s.region))].sort();
  const serviceIds = [...new Set(services.map(s => s.service))];
  const stateOf = (service: SecurityServiceId, region: string) =>
    services.find(s => s.service === service && s.region === region);
  const problems = services.filter(s => s.state !== 'ON' && s.reason);

  if (services.length === 0) {
    return (
      <Typography variant="body2">
        No security service state was collected.
      </Typography>
    );
  }

  return (
    <>
      <Table size="small" aria-label="Security services">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Service
            </TableCell>
            {regions.map(region => (
              <TableCell key={region} component="th" scope="col">
                {region}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {serviceIds.map(service => (
            <TableRow key={service}>
              <TableCell component="th" scope="row">
                {SERVICE_NAMES[service] ?? service}
              </TableCell>
              {regions.map(region => (
                <TableCell key={region}>
                  <StateLabel state={stateOf(service, region)?.state} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {problems.length > 0 && (
        <ul aria-label="Why services are off or unknown">
          {problems.map(status => (
            <Typography
              component="li"
              variant="body2"
              key={`${status.service}-${status.region}`}
            >
              {SERVICE_NAMES[status.service] ?? status.service} in{' '}
              {status.region}: {status.reason}
            </Typography>
          ))}
        </ul>
      )}
    </>
  );
}
