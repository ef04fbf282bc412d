import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { OrganizationSummary } from '@sra-backstage/plugin-aws-accounts-common';
import { SeverityCountsList } from '../common/SeverityCountsList';

/**
 * Accounts, average score and active findings of the whole organization.
 *
 * @internal
 */
export function OrganizationOverviewCard(props: {
  summary: OrganizationSummary;
}) {
  const { summary } = props;

  return (
    <InfoCard title="Organization">
      <Typography variant="overline" component="h3" id="aws-org-score-label">
        Average Security Hub score
      </Typography>
      <Typography
        variant="h3"
        component="p"
        aria-labelledby="aws-org-score-label"
      >
        {summary.averageScore === null ? 'No data' : `${summary.averageScore}%`}
      </Typography>
      <Typography variant="body2" paragraph>
        {summary.accounts} accounts you may read
      </Typography>
      <Typography variant="overline" component="h3">
        Active findings
      </Typography>
      <SeverityCountsList
        counts={summary.findings}
        label="Organization findings by severity"
      />
    </InfoCard>
  );
}
