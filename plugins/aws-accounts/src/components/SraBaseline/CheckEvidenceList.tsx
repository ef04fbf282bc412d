import Typography from '@material-ui/core/Typography';
import { CheckEvidence } from '@sra-backstage/plugin-aws-accounts-common';

/**
 * The resources that make a check fail.
 *
 * @internal
 */
export function CheckEvidenceList(props: {
  evidence: CheckEvidence[];
  checkTitle: string;
}) {
  const { evidence, checkTitle } = props;

  if (evidence.length === 0) {
    return null;
  }

  return (
    <>
      <Typography variant="subtitle2" component="h4">
        Failing resources
      </Typography>
      <ul aria-label={`Failing resources of ${checkTitle}`}>
        {evidence.map(item => (
          <Typography
            component="li"
            variant="body2"
            key={`${item.region ?? ''}-${item.resourceId}`}
          >
            <code>{item.resourceId}</code>
            {item.resourceType ? ` (${item.resourceType})` : ''}
            {item.region ? ` in ${item.region}` : ''}
            {item.detail ? `: ${item.detail}` : ''}
          </Typography>
        ))}
      </ul>
    </>
  );
}
