import Grid from '@material-ui/core/Grid';
import { Content, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { awsAccountsApiRef } from '../../api';
import { PostureErrorPanel } from '../common/PostureErrorPanel';
import { PostureTrendChart } from '../common/PostureTrendChart';
import { AccountsTable } from './AccountsTable';
import { shortOrganizationalUnitPath } from './accountColumns';
import { OrganizationOverviewCard } from './OrganizationOverviewCard';
import { RollupTable } from './RollupTable';
import { UnreadableAccountsPanel } from './UnreadableAccountsPanel';

/**
 * The organization dashboard at `/aws-accounts`: every account the user may
 * read, worst first, roll-ups by OU and environment, the trend, and the
 * accounts that could not be read.
 *
 * @public
 */
export function OrganizationPage() {
  const api = useApi(awsAccountsApiRef);
  const summary = useAsync(() => api.getOrganizationSummary(), [api]);

  if (summary.loading) {
    return (
      <Content>
        <Progress aria-label="Loading organization posture" />
      </Content>
    );
  }
  if (summary.error || !summary.value) {
    return (
      <Content>
        <PostureErrorPanel
          error={summary.error ?? new Error('The service sent no summary')}
          subject="organization posture"
        />
      </Content>
    );
  }

  const value = summary.value;

  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <UnreadableAccountsPanel unreadable={value.unreadable} />
        </Grid>
        <Grid item xs={12} md={4}>
          <OrganizationOverviewCard summary={value} />
        </Grid>
        <Grid item xs={12} md={8}>
          <InfoCard title="Trend">
            <PostureTrendChart
              title="Average score and critical findings across the organization over time"
              points={value.trend.map(point => ({
                date: point.date,
                score: point.averageScore,
                critical: point.critical,
              }))}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <AccountsTable
            organizationalUnits={value.byOrganizationalUnit.map(r => r.key)}
            environments={value.byEnvironment.map(r => r.key)}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <RollupTable
            title="By organizational unit"
            keyTitle="Organizational unit"
            rollups={value.byOrganizationalUnit}
            formatKey={shortOrganizationalUnitPath}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <RollupTable
            title="By environment"
            keyTitle="Environment"
            rollups={value.byEnvironment}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
