import { TestDatabases } from '@backstage/backend-test-utils';
import { SandboxHandle, startSandbox } from '@sra-backstage/aws-sandbox';
import { getAs, postAs } from './harness/apiRequest';
import {
  PostureBackend,
  startPostureBackend,
  useSandboxEndpoint,
} from './harness/startPostureBackend';

jest.setTimeout(120_000);

const ACCOUNT = '500000000003';
const OTHER_ACCOUNT = '600000000003';

/** Values that break naive SQL, LIKE patterns, number parsing or decoding. */
const HOSTILE_VALUES = [
  "'",
  '"',
  "' OR '1'='1",
  '1; DROP TABLE aws_accounts_findings; --',
  '%',
  '_',
  '*',
  '%25',
  '\\',
  '𝕏ü中文',
  '-1',
  '0',
  '1.5',
  '1e309',
  'NaN',
  '99999999999999999999999999',
  'x'.repeat(5000),
];

/** Every query parameter of the posture API, by route. */
const QUERY_PARAMETERS: Record<string, string[]> = {
  '/accounts': ['ou', 'owner', 'environment', 'sort', 'order'],
  [`/accounts/${ACCOUNT}/history`]: ['from', 'to'],
  [`/accounts/${ACCOUNT}/findings`]: [
    'source',
    'severity',
    'status',
    'resourceType',
    'fixAvailable',
    'exploitAvailable',
    'search',
    'sort',
    'order',
    'cursor',
    'limit',
  ],
};

/** Parameters whose every legal value is a fixed word or number. */
const STRICT_PARAMETERS = new Set([
  'sort',
  'order',
  'from',
  'to',
  'source',
  'severity',
  'status',
  'fixAvailable',
  'exploitAvailable',
  'cursor',
  'limit',
]);

interface ApiAnswer {
  status: number;
  body: { error?: { message?: string }; items?: Array<{ accountId: string }> };
}

/** Undefined when the answer is a 400 naming the parameter, else why not. */
function notRejectedNaming(
  response: ApiAnswer,
  parameter: string,
  context: string,
): string | undefined {
  const message = response.body.error?.message ?? '';
  return response.status === 400 && message.includes(parameter)
    ? undefined
    : `${context}: ${response.status} ${message}`.slice(0, 160);
}

/** Items of a findings page that belong to another account. */
function foreignItems(response: ApiAnswer, accountId: string): string[] {
  return (response.body.items ?? [])
    .filter(item => item.accountId !== accountId)
    .map(item => `${item.accountId} served under ${accountId}`);
}

/** Server errors when a NUL character is in a free-text parameter. */
async function wrongAnswersOnNul(backend: PostureBackend): Promise<string[]> {
  const wrong: string[] = [];
  for (const parameter of ['search', 'resourceType']) {
    const response = await getAs(
      backend.server,
      `/accounts/${ACCOUNT}/findings`,
    ).query({ [parameter]: 'a\u0000b' });
    const message: string = response.body.error?.message ?? '';
    if (response.status !== 400 || !message.includes(parameter)) {
      wrong.push(`${parameter}: ${response.status} ${message}`);
    }
  }
  return wrong;
}

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'hostile API input on %s',
  databaseId => {
    let sandbox: SandboxHandle;
    let backend: PostureBackend;
    let restoreEnv: () => void;

    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0, quotaScale: 0 });
      restoreEnv = useSandboxEndpoint(sandbox);
      backend = await startPostureBackend({
        sandbox,
        knex: await databases.init(databaseId),
      });
      await backend.collect();
    });

    afterAll(async () => {
      await backend?.stop();
      restoreEnv?.();
      await sandbox?.stop();
    });

    it.each(Object.entries(QUERY_PARAMETERS))(
      'answers every hostile query value of %s with 400 naming the parameter or with data of that account only',
      async (route, parameters) => {
        const wrongAnswers: object[] = [];
        for (const parameter of parameters) {
          for (const value of HOSTILE_VALUES) {
            const response = await getAs(backend.server, route).query({
              [parameter]: value,
            });
            const message: string = response.body.error?.message ?? '';
            const strict = STRICT_PARAMETERS.has(parameter);
            const wrong =
              response.status >= 500 ||
              ((strict || response.status !== 200) &&
                (response.status !== 400 || !message.includes(parameter))) ||
              (response.status === 200 &&
                route.endsWith('/findings') &&
                response.body.items.some(
                  (item: { accountId: string }) => item.accountId !== ACCOUNT,
                ));
            if (wrong) {
              wrongAnswers.push({
                parameter,
                value: value.slice(0, 40),
                status: response.status,
                message: message.slice(0, 120),
              });
            }
          }
        }
        expect(wrongAnswers).toEqual([]);
      },
    );

    it.each(Object.entries(QUERY_PARAMETERS))(
      'rejects a parameter given twice on %s, naming it',
      async (route, parameters) => {
        const problems: Array<string | undefined> = [];
        for (const parameter of parameters) {
          const first = parameter === 'limit' ? '10' : 'a';
          const response = await getAs(
            backend.server,
            `${route}?${parameter}=${first}&${parameter}=${first}`,
          );
          problems.push(notRejectedNaming(response, parameter, parameter));
        }
        expect(problems.filter(Boolean)).toEqual([]);
      },
    );

    it('rejects an unknown query parameter by name', async () => {
      const problems: Array<string | undefined> = [];
      for (const route of Object.keys(QUERY_PARAMETERS)) {
        const response = await getAs(
          backend.server,
          `${route}?accountId=${OTHER_ACCOUNT}`,
        );
        problems.push(notRejectedNaming(response, 'accountId', route));
      }
      expect(problems.filter(Boolean)).toEqual([]);

      // The posture route reads no query: a smuggled account id is ignored.
      const posture = await getAs(
        backend.server,
        `/accounts/${ACCOUNT}/posture?accountId=${OTHER_ACCOUNT}`,
      );
      expect(posture.status).toBe(200);
      expect(posture.body.accountId).toBe(ACCOUNT);
    });

    it('rejects hostile account and finding ids in the path', async () => {
      // A lone `%` is not a URL at all; Express answers it with its own
      // 400 before any route, which is fine.
      const ids = [
        "'",
        '*',
        '_',
        '1234567890123',
        '12345678901',
        '-11111111111',
        '5000000000%253',
        '%27%20OR%201%3D1',
        encodeURIComponent('𝕏ü中文'),
      ];
      const problems: Array<string | undefined> = [];
      for (const id of ids) {
        for (const suffix of ['posture', 'history', 'findings']) {
          const response = await getAs(
            backend.server,
            `/accounts/${id}/${suffix}`,
          );
          problems.push(
            notRejectedNaming(response, 'accountId', `${id}/${suffix}`),
          );
        }
        problems.push(
          notRejectedNaming(
            await postAs(backend.server, `/accounts/${id}/refresh`),
            'accountId',
            `${id}/refresh`,
          ),
          notRejectedNaming(
            await getAs(backend.server, `/accounts/${ACCOUNT}/findings/${id}`),
            'findingId',
            `findings/${id}`,
          ),
        );
      }
      expect(problems.filter(Boolean)).toEqual([]);
    });

    it('treats % and _ in search as literal characters, not wildcards', async () => {
      const all = await getAs(backend.server, `/accounts/${ACCOUNT}/findings`);
      expect(all.status).toBe(200);
      expect(all.body.totalCount).toBeGreaterThan(0);

      for (const wildcard of ['%', '_', '%%', '_%_']) {
        const response = await getAs(
          backend.server,
          `/accounts/${ACCOUNT}/findings`,
        ).query({ search: wildcard });
        expect(response.status).toBe(200);
        const literal = response.body.items.every(
          (item: {
            title: string;
            vulnerabilityId?: string;
            packageName?: string;
          }) =>
            [item.title, item.vulnerabilityId, item.packageName].some(text =>
              text?.toLowerCase().includes(wildcard),
            ),
        );
        expect({ wildcard, literal }).toEqual({ wildcard, literal: true });
      }
    });

    it('never follows a cursor into another account', async () => {
      const other = await getAs(
        backend.server,
        `/accounts/${OTHER_ACCOUNT}/findings?limit=5`,
      );
      expect(other.status).toBe(200);
      expect(other.body.nextCursor).toEqual(expect.any(String));

      const crossed = await getAs(
        backend.server,
        `/accounts/${ACCOUNT}/findings`,
      ).query({ limit: 5, cursor: other.body.nextCursor });
      expect(crossed.status).toBeLessThan(500);
      expect(foreignItems(crossed, ACCOUNT)).toEqual([]);
      expect(
        crossed.status === 200
          ? undefined
          : notRejectedNaming(crossed, 'cursor', 'crossed'),
      ).toBeUndefined();

      const sortedByTitle = await getAs(
        backend.server,
        `/accounts/${ACCOUNT}/findings?limit=5&sort=title`,
      );
      const mismatched = await getAs(
        backend.server,
        `/accounts/${ACCOUNT}/findings`,
      ).query({
        limit: 5,
        sort: 'inspectorScore',
        cursor: sortedByTitle.body.nextCursor,
      });
      expect(
        mismatched.status === 200
          ? undefined
          : notRejectedNaming(mismatched, 'cursor', 'mismatched sort'),
      ).toBeUndefined();
    });

    it('rejects tampered cursors naming the cursor', async () => {
      const page = await getAs(
        backend.server,
        `/accounts/${ACCOUNT}/findings?limit=5`,
      );
      const cursor: string = page.body.nextCursor;
      const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
      const tampered = [
        cursor.slice(0, -3),
        Buffer.from(`${decoded}' OR 1=1 --`).toString('base64url'),
        Buffer.from('{"v":"%","id":"*"}').toString('base64url'),
        Buffer.from('[]').toString('base64url'),
        Buffer.from('null').toString('base64url'),
        Buffer.from('{"sort":{"$gt":""}}').toString('base64url'),
        'not-a-cursor',
      ];
      const wrongAnswers: object[] = [];
      for (const value of tampered) {
        const response = await getAs(
          backend.server,
          `/accounts/${ACCOUNT}/findings`,
        ).query({ limit: 5, cursor: value });
        const message: string = response.body.error?.message ?? '';
        if (response.status !== 400 || !message.includes('cursor')) {
          wrongAnswers.push({ value, status: response.status, message });
        }
      }
      expect(wrongAnswers).toEqual([]);
    });

    // PostgreSQL refuses a NUL character in text; the API must turn it
    // away as a bad parameter on every database.
    it('answers a NUL character in search and resourceType with a 400 naming it', async () => {
      expect(await wrongAnswersOnNul(backend)).toEqual([]);
    });
  },
);
