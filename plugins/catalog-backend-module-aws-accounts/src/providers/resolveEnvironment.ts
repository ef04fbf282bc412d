import { AwsAccount } from '@sra-backstage/plugin-aws-accounts-node';

/** Organizational unit names the SRA uses for environments, lower-cased. */
const ENVIRONMENT_BY_UNIT_NAME: Record<string, string> = {
  prod: 'prod',
  production: 'prod',
  staging: 'staging',
  stage: 'staging',
  dev: 'dev',
  development: 'dev',
  test: 'test',
};

const LABEL_VALUE = /^[a-z0-9A-Z]([-_.a-z0-9A-Z]{0,61}[a-z0-9A-Z])?$/;

/** Where an account's environment came from. */
export type EnvironmentSource = 'tag' | 'organizationalUnit';

export interface ResolvedEnvironment {
  environment?: string;
  source?: EnvironmentSource;
  /** Set when the tag held a value that cannot be a label value. */
  rejectedTagValue?: string;
}

/**
 * The account's environment: the environment tag, lower-cased, when it makes
 * a valid label value; otherwise the nearest organizational unit above the
 * account whose name is an environment (`Root/Workloads/Prod` gives `prod`).
 */
export function resolveEnvironment(
  account: AwsAccount,
  environmentTag: string,
): ResolvedEnvironment {
  const tagValue = account.tags?.[environmentTag]?.trim();
  let rejectedTagValue: string | undefined;
  if (tagValue) {
    const environment = tagValue.toLocaleLowerCase('en-US');
    if (LABEL_VALUE.test(environment)) {
      return { environment, source: 'tag' };
    }
    rejectedTagValue = tagValue;
  }

  // The first segment is the root, never an environment.
  const unitNames = account.organizationalUnitPath.split('/').slice(1);
  for (const name of unitNames.reverse()) {
    const environment =
      ENVIRONMENT_BY_UNIT_NAME[name.trim().toLocaleLowerCase('en-US')];
    if (environment) {
      return { environment, source: 'organizationalUnit', rejectedTagValue };
    }
  }
  return { rejectedTagValue };
}
