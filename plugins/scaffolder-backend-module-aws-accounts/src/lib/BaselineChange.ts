/**
 * One SRA account-level setting checked by the baseline, and whether the
 * baseline had to change it.
 *
 * @public
 */
export type BaselineChange = {
  /** A Region, or `global` for account-wide settings. */
  region: string;
  setting:
    | 'ebs-encryption-by-default'
    | 'imdsv2-required-by-default'
    | 's3-account-block-public-access';
  previous: string;
  current: string;
  changed: boolean;
};
