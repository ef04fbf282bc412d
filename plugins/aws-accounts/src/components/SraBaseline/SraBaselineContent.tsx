import Grid from '@material-ui/core/Grid';
import { Content, EmptyState, Progress } from '@backstage/core-components';
import {
  CHECK_LAYERS,
  PostureSnapshot,
} from '@sra-backstage/plugin-aws-accounts-common';
import { usePosture } from '../../hooks/usePosture';
import { useEntityAccountId } from '../../hooks/useEntityAccountId';
import { MissingAccountAnnotation } from '../common/MissingAccountAnnotation';
import { PostureErrorPanel } from '../common/PostureErrorPanel';
import { PostureDataWarning } from '../PostureCard/PostureDataWarning';
import { AccountHistoryCard } from './AccountHistoryCard';
import { CheckLayerSection } from './CheckLayerSection';

function BaselineLayers(props: { posture: PostureSnapshot }) {
  const { checks } = props.posture;

  if (checks.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No baseline checks yet"
        description="The posture service has not evaluated the SRA baseline for this account; it does on its next collection."
      />
    );
  }

  return (
    <>
      {CHECK_LAYERS.map(layer => {
        const layerChecks = checks.filter(check => check.layer === layer);
        return layerChecks.length > 0 ? (
          <CheckLayerSection key={layer} layer={layer} checks={layerChecks} />
        ) : null;
      })}
    </>
  );
}

function AccountBaseline(props: { accountId: string }) {
  const { value, loading, error } = usePosture(props.accountId);

  if (loading) {
    return <Progress aria-label="Loading baseline" />;
  }
  if (error) {
    return <PostureErrorPanel error={error} subject="SRA baseline" />;
  }
  if (!value) {
    return null;
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <PostureDataWarning posture={value} />
      </Grid>
      <Grid item xs={12} lg={8}>
        <BaselineLayers posture={value} />
      </Grid>
      <Grid item xs={12} lg={4}>
        <AccountHistoryCard accountId={props.accountId} />
      </Grid>
    </Grid>
  );
}

/**
 * The "SRA baseline" tab: the application-account baseline by layer, each
 * check with its status, failing resources and how to fix it.
 *
 * @public
 */
export function SraBaselineContent() {
  const { accountId } = useEntityAccountId();

  return (
    <Content>
      {accountId ? (
        <AccountBaseline accountId={accountId} />
      ) : (
        <MissingAccountAnnotation />
      )}
    </Content>
  );
}
