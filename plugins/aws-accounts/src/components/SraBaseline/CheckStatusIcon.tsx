import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { CheckStatus } from '@sra-backstage/plugin-aws-accounts-common';

/** @internal */
export const CHECK_STATUS_WORDS: Record<CheckStatus, string> = {
  PASS: 'Pass',
  FAIL: 'Fail',
  UNKNOWN: 'Unknown',
  NOT_APPLICABLE: 'Not applicable',
};

/**
 * A check status as an icon followed by its word.
 *
 * @internal
 */
export function CheckStatusLabel(props: { status: CheckStatus }) {
  const { status } = props;
  const word = CHECK_STATUS_WORDS[status];
  switch (status) {
    case 'PASS':
      return <StatusOK>{word}</StatusOK>;
    case 'FAIL':
      return <StatusError>{word}</StatusError>;
    case 'UNKNOWN':
      return <StatusWarning>{word}</StatusWarning>;
    default:
      return <StatusPending>{word}</StatusPending>;
  }
}
