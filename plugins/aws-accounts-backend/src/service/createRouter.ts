import {
  CacheService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  AccountSummary,
  OrganizationalUnitSummary,
  PostureSnapshot,
  ServiceCatalogProductSummary,
} from '@sra-backstage/plugin-aws-accounts-common';
import express from 'express';
import Router from 'express-promise-router';
import { AccountStore } from '../database/AccountStore';
import { FindingStore } from '../database/FindingStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { AccountAccess } from './AccountAccess';
import { buildAccountSummary, severityWeight } from './buildAccountSummary';
import { buildOrganizationSummary } from './buildOrganizationSummary';
import { inOrganizationalUnit, ownedBy } from './matchAccountFilters';
import {
  accountIdSchema,
  accountsQuerySchema,
  DEFAULT_FINDINGS_PAGE_SIZE,
  findingIdSchema,
  findingsQuerySchema,
  historyQuerySchema,
  organizationalUnitsQuerySchema,
  parseRequest,
} from './requestSchemas';
import { z } from 'zod';

/** Collects one account now; the collector implements it. */
export interface AccountRefresher {
  collectAccount(
    accountId: string,
  ): Promise<{ durationMs: number; totalCalls: number }>;
}

/** Lists what the scaffolder's pickers offer. */
export interface ScaffolderPickerSources {
  listOrganizationalUnits(
    parent?: string,
  ): Promise<OrganizationalUnitSummary[]>;
  listServiceCatalogProducts(): Promise<ServiceCatalogProductSummary[]>;
}

/** What the router needs. */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  cache: CacheService;
  access: AccountAccess;
  accounts: AccountStore;
  findings: FindingStore;
  snapshots: SnapshotStore;
  refresher: AccountRefresher;
  pickers: ScaffolderPickerSources;
  refreshIntervalSeconds: number;
}

const DEFAULT_HISTORY_DAYS = 90;
const TREND_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const accountParams = z.object({ accountId: accountIdSchema });
const findingParams = z.object({
  accountId: accountIdSchema,
  findingId: findingIdSchema,
});

function compareSummaries(
  sort: string,
  a: AccountSummary,
  b: AccountSummary,
): number {
  switch (sort) {
    case 'accountId':
      return a.accountId.localeCompare(b.accountId);
    case 'score':
      return (a.score ?? 101) - (b.score ?? 101);
    case 'failingChecks':
      return a.failingChecks - b.failingChecks;
    case 'findings':
      return severityWeight(a) - severityWeight(b);
    default:
      return a.name.localeCompare(b.name);
  }
}

/**
 * The posture service's REST API. Every account route answers 404 for an
 * account the caller may not read, exactly as for one that does not exist;
 * lists hold only readable accounts.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, access, accounts, findings, snapshots } = options;
  const router = Router();
  router.use(express.json());

  const readableSummaries = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req);
    const readable = await access.filterReadable(
      credentials,
      await accounts.list(),
    );
    const latest = await snapshots.latestCompleteOfAll();
    return readable.map(account => ({
      account,
      summary: buildAccountSummary(account, latest.get(account.accountId)),
    }));
  };

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/accounts', async (req, res) => {
    const query = parseRequest(accountsQuerySchema, req.query, 'query');
    const rows = (await readableSummaries(req)).filter(
      ({ account }) =>
        (!query.ou || inOrganizationalUnit(account, query.ou)) &&
        (!query.owner || ownedBy(account, query.owner)) &&
        (!query.environment ||
          account.environment?.toLowerCase() ===
            query.environment.toLowerCase()),
    );
    const sort = query.sort ?? 'name';
    const order =
      query.order ??
      (sort === 'findings' || sort === 'failingChecks' ? 'desc' : 'asc');
    const direction = order === 'asc' ? 1 : -1;
    res.json(
      rows
        .map(row => row.summary)
        .sort(
          (a, b) =>
            direction * compareSummaries(sort, a, b) ||
            a.accountId.localeCompare(b.accountId),
        ),
    );
  });

  router.get('/accounts/:accountId/posture', async (req, res) => {
    const { accountId } = parseRequest(accountParams, req.params, 'path');
    const credentials = await httpAuth.credentials(req);
    await access.requireReadable(credentials, accountId);

    const latest = await snapshots.latest(accountId);
    if (!latest) {
      throw new NotFoundError(
        `The posture of AWS account ${accountId} has not been collected yet; it is collected on the next scheduled run, or ask for it with POST /accounts/${accountId}/refresh`,
      );
    }
    if (latest.latestComplete) {
      res.json(latest.latest);
      return;
    }
    const account = await accounts.get(accountId);
    const stale = {
      since: account?.readError?.since ?? latest.latest.collectedAt,
      reason:
        account?.readError?.reason ??
        latest.latest.errors[0]?.reason ??
        'no source could be read',
    };
    const served: PostureSnapshot = latest.lastGood
      ? { ...latest.lastGood, stale }
      : { ...latest.latest, stale };
    res.json(served);
  });

  router.get('/accounts/:accountId/history', async (req, res) => {
    const { accountId } = parseRequest(accountParams, req.params, 'path');
    const query = parseRequest(historyQuerySchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    await access.requireReadable(credentials, accountId);

    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - DEFAULT_HISTORY_DAYS * DAY_MS);
    res.json(
      await snapshots.history(accountId, from.toISOString(), to.toISOString()),
    );
  });

  router.get('/accounts/:accountId/findings', async (req, res) => {
    const { accountId } = parseRequest(accountParams, req.params, 'path');
    const query = parseRequest(findingsQuerySchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    await access.requireReadable(credentials, accountId);

    res.json(
      await findings.page(accountId, {
        ...query,
        limit: query.limit ?? DEFAULT_FINDINGS_PAGE_SIZE,
      }),
    );
  });

  router.get('/accounts/:accountId/findings/:findingId', async (req, res) => {
    const { accountId, findingId } = parseRequest(
      findingParams,
      req.params,
      'path',
    );
    const credentials = await httpAuth.credentials(req);
    await access.requireReadable(credentials, accountId);

    const finding = await findings.get(accountId, findingId);
    if (!finding) {
      throw new NotFoundError(
        `No finding ${findingId} in AWS account ${accountId}; it may have been removed after it was closed, so load the findings page again`,
      );
    }
    res.json(finding);
  });

  router.post('/accounts/:accountId/refresh', async (req, res) => {
    const { accountId } = parseRequest(accountParams, req.params, 'path');
    const credentials = await httpAuth.credentials(req);
    const account = await access.requireReadable(credentials, accountId);
    await access.requireRefreshable(credentials, account);

    const key = `refresh:${accountId}`;
    const lastRefresh = await options.cache.get<number>(key);
    if (lastRefresh !== undefined) {
      const retryAfter = Math.max(
        1,
        Math.ceil(
          options.refreshIntervalSeconds - (Date.now() - lastRefresh) / 1000,
        ),
      );
      res.setHeader('Retry-After', String(retryAfter));
      res.status(429).json({
        error: {
          name: 'TooManyRequestsError',
          message: `AWS account ${accountId} was refreshed less than ${options.refreshIntervalSeconds} seconds ago; try again in ${retryAfter} seconds`,
        },
      });
      return;
    }
    await options.cache.set(key, Date.now(), {
      ttl: { seconds: options.refreshIntervalSeconds },
    });

    const report = await options.refresher.collectAccount(accountId);
    const latest = await snapshots.latest(accountId);
    res.json({
      accountId,
      collectedAt: latest?.latest.collectedAt,
      durationMs: report.durationMs,
      awsCalls: report.totalCalls,
    });
  });

  router.get('/organization/summary', async (req, res) => {
    const rows = await readableSummaries(req);
    const since = new Date(Date.now() - TREND_DAYS * DAY_MS).toISOString();
    res.json(
      buildOrganizationSummary(
        rows.map(row => row.summary),
        await snapshots.headlinesSince(since),
      ),
    );
  });

  router.get('/organizational-units', async (req, res) => {
    const query = parseRequest(
      organizationalUnitsQuerySchema,
      req.query,
      'query',
    );
    res.json(await options.pickers.listOrganizationalUnits(query.parent));
  });

  router.get('/service-catalog/products', async (req, res) => {
    parseRequest(z.strictObject({}), req.query, 'query');
    res.json(await options.pickers.listServiceCatalogProducts());
  });

  return router;
}
