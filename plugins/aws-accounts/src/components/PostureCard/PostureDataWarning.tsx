import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { PostureSnapshot } from '@sra-backstage/plugin-aws-accounts-common';
import { formatTimestamp } from '../common/formatTimestamp';

/**
 * Says plainly when the posture shown is old (the last collection failed)
 * or when some sources could not be read, with the reasons. Renders nothing
 * when the data is fresh and complete.
 *
 * @internal
 */
export function PostureDataWarning(props: { posture: PostureSnapshot }) {
  const { stale, errors } = props.posture;

  return (
    <>
      {stale && (
        <WarningPanel
          severity="warning"
          title={`Posture is stale since ${formatTimestamp(stale.since)}`}
          message={`The last collection failed: ${stale.reason}. The values below are from the last good collection.`}
        />
      )}
      {errors.length > 0 && (
        <WarningPanel
          severity="info"
          title={`${errors.length} source${
            errors.length === 1 ? '' : 's'
          } could not be read`}
          message="Values from these sources are shown as unknown, not as zero."
        >
          <ul>
            {errors.map(error => (
              <Typography
                component="li"
                variant="body2"
                key={`${error.source}-${error.region ?? 'global'}`}
              >
                {error.source}
                {error.region ? ` (${error.region})` : ''}: {error.reason}
              </Typography>
            ))}
          </ul>
        </WarningPanel>
      )}
    </>
  );
}
