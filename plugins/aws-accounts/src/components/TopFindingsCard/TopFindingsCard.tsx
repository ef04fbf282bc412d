import { InfoCard, Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { usePosture } from '../../hooks/usePosture';
import { useEntityAccountId } from '../../hooks/useEntityAccountId';
import { MissingAccountAnnotation } from '../common/MissingAccountAnnotation';
import { PostureErrorPanel } from '../common/PostureErrorPanel';
import { FailingControlsList } from './FailingControlsList';
import { GuardDutyFindingsList } from './GuardDutyFindingsList';

function TopFindingsBody(props: { accountId: string }) {
  const { value, loading, error } = usePosture(props.accountId);

  if (loading) {
    return <Progress aria-label="Loading findings" />;
  }
  if (error) {
    return <PostureErrorPanel error={error} subject="findings" />;
  }
  if (!value) {
    return null;
  }
  return (
    <>
      <Typography variant="overline" component="h3">
        Failing Security Hub controls
      </Typography>
      <FailingControlsList controls={value.topFailingControls} />
      <Typography variant="overline" component="h3">
        GuardDuty findings
      </Typography>
      {value.findings.guardduty === null ? (
        <Typography variant="body2">
          GuardDuty could not be read on the last collection.
        </Typography>
      ) : (
        <GuardDutyFindingsList findings={value.topGuardDutyFindings} />
      )}
    </>
  );
}

/**
 * The top failing Security Hub controls and GuardDuty findings of the
 * entity's account.
 *
 * @public
 */
export function TopFindingsCard() {
  const { accountId } = useEntityAccountId();

  if (!accountId) {
    return <MissingAccountAnnotation />;
  }

  return (
    <InfoCard title="Top security findings" subheader={`Account ${accountId}`}>
      <TopFindingsBody accountId={accountId} />
    </InfoCard>
  );
}
