import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { EventsService } from '@backstage/plugin-events-node';
import {
  AwsClientFactory,
  OrganizationReader,
} from '@sra-backstage/plugin-aws-accounts-node';
import { VendingSettings } from '../config/VendingSettings';
import { SsoUser } from './AccountRequest';
import { applyAccountBaseline } from './applyAccountBaseline';
import { BaselineChange } from './BaselineChange';
import { Checkpoint } from './Checkpoint';
import { completeAccountRequest } from './completeAccountRequest';
import { ownershipTags, tagAccount } from './tagAccount';
import { vendAccount } from './vendAccount';

/**
 * What happened to one environment's account. The account exists whenever
 * accountId is set, even if a later stage failed.
 *
 * @public
 */
export type EnvironmentAccountResult = {
  environment: string;
  accountName: string;
  accountEmail: string;
  status: 'created' | 'existing' | 'failed';
  accountId?: string;
  /** What failed and why, when status is failed. */
  error?: string;
};

/** Options of {@link vendEnvironmentAccount}. */
export interface VendEnvironmentAccountOptions {
  clientFactory: AwsClientFactory;
  organizationReader: OrganizationReader;
  settings: VendingSettings;
  events: EventsService;
  logger: LoggerService;
  checkpoint: Checkpoint;
  taskId: string;
  stepId?: string;
  isDryRun?: boolean;
  signal?: AbortSignal;
  application: string;
  owner: string;
  environment: string;
  ssoUser: SsoUser;
  baseline: boolean;
}

/**
 * Vends, tags and baselines the account of one environment, reusing the
 * account a previous run created. Never throws: a failure is reported in
 * the result, so the other environments go on.
 */
export async function vendEnvironmentAccount(
  options: VendEnvironmentAccountOptions,
): Promise<EnvironmentAccountResult> {
  const { environment, logger, settings } = options;
  let accountName = '';
  let accountEmail = '';
  let accountId: string | undefined;
  let stage = 'validating the request';

  try {
    const request = completeAccountRequest(
      {
        application: options.application,
        environment,
        ssoUser: options.ssoUser,
        existingAccount: 'reuse',
      },
      settings,
    );
    accountName = request.accountName;
    accountEmail = request.accountEmail;
    const tags = ownershipTags({
      owner: options.owner,
      application: options.application,
      environment,
    });

    stage = 'creating the account';
    const account = await vendAccount({
      ...options,
      iteration: environment,
      request,
    });
    accountId = account.accountId;
    if (options.isDryRun) {
      return { environment, accountName, accountEmail, status: 'existing' };
    }

    stage = 'tagging the account';
    await tagAccount({ ...options, accountId, tags });

    if (options.baseline) {
      stage = 'applying the baseline';
      const id = accountId;
      await options.checkpoint<BaselineChange[]>({
        key: `baseline-${id}-${environment}`,
        fn: () =>
          applyAccountBaseline({
            clientFactory: options.clientFactory,
            logger,
            accountId: id,
            roleName: settings.baselineRoleName,
            regions: settings.governedRegions,
          }),
      });
    }

    return {
      environment,
      accountName,
      accountEmail,
      accountId,
      status: account.created ? 'created' : 'existing',
    };
  } catch (error) {
    const reason = `${stage} failed: ${stringifyError(error)}`;
    logger.error(reason, { environment });
    return {
      environment,
      accountName,
      accountEmail,
      accountId,
      status: 'failed',
      error: reason,
    };
  }
}
