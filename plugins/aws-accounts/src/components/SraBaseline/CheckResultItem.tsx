import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { CheckResult } from '@sra-backstage/plugin-aws-accounts-common';
import { CheckEvidenceList } from './CheckEvidenceList';
import { CheckStatusLabel } from './CheckStatusIcon';

/**
 * One baseline check: status and title in the summary; evidence, reason and
 * how to fix in the details. Failing checks start expanded.
 *
 * @internal
 */
export function CheckResultItem(props: { check: CheckResult }) {
  const { check } = props;
  const summaryId = `aws-check-${check.checkId}-summary`;
  const detailsId = `aws-check-${check.checkId}-details`;

  return (
    <Accordion defaultExpanded={check.status === 'FAIL'}>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        id={summaryId}
        aria-controls={detailsId}
      >
        <Box display="flex" alignItems="center" gridGap={16} width="100%">
          <Box minWidth={140}>
            <CheckStatusLabel status={check.status} />
          </Box>
          <Typography variant="body1" component="span">
            {check.title}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id={detailsId} aria-labelledby={summaryId}>
        <Box>
          <Typography variant="caption" color="textSecondary" component="p">
            Decided by{' '}
            {check.source === 'securityhub'
              ? `Security Hub controls ${check.controlIds.join(', ')}`
              : 'a direct read of the account'}
            {check.regions.length > 0 ? ` in ${check.regions.join(', ')}` : ''}
          </Typography>
          {check.reason && (
            <Typography variant="body2" paragraph>
              {check.reason}
            </Typography>
          )}
          <CheckEvidenceList
            evidence={check.evidence}
            checkTitle={check.title}
          />
          {check.status !== 'PASS' && (
            <>
              <Typography variant="subtitle2" component="h4">
                How to fix
              </Typography>
              <Typography variant="body2">{check.remediation}</Typography>
            </>
          )}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
