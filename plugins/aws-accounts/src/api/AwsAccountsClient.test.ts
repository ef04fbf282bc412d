import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import {
  inspectorFinding,
  paymentsDevPosture,
} from '../__testUtils__/fixtures';
import { AwsAccountsClient } from './AwsAccountsClient';

const baseUrl = 'http://localhost:7007/api/aws-accounts';

describe('AwsAccountsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new AwsAccountsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('reads the posture of an account', async () => {
    server.use(
      http.get(`${baseUrl}/accounts/500000000003/posture`, () =>
        HttpResponse.json(paymentsDevPosture()),
      ),
    );

    await expect(client.getPosture('500000000003')).resolves.toMatchObject({
      accountId: '500000000003',
      score: 62,
    });
  });

  it('sends the findings query as the service reads it', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/accounts/500000000003/findings`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({
          items: [inspectorFinding('1')],
          totalCount: 1,
        });
      }),
    );

    await client.listFindings('500000000003', {
      source: 'inspector',
      severity: ['CRITICAL', 'HIGH'],
      exploitAvailable: false,
      search: '  openssl ',
      sort: 'inspectorScore',
      order: 'desc',
      cursor: 'abc',
      limit: 500,
    });

    expect(Object.fromEntries(query!)).toEqual({
      source: 'inspector',
      severity: 'CRITICAL,HIGH',
      exploitAvailable: 'false',
      search: 'openssl',
      sort: 'inspectorScore',
      order: 'desc',
      cursor: 'abc',
      limit: '500',
    });
  });

  it('passes account filters and leaves out empty ones', async () => {
    let url: string | undefined;
    server.use(
      http.get(`${baseUrl}/accounts`, ({ request }) => {
        url = request.url;
        return HttpResponse.json([]);
      }),
    );

    await client.listAccounts({ environment: 'prod', owner: '' });

    expect(url).toBe(`${baseUrl}/accounts?environment=prod`);
  });

  it('posts a refresh and turns a 429 into a ResponseError', async () => {
    server.use(
      http.post(`${baseUrl}/accounts/500000000003/refresh`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'slow down' } },
          { status: 429 },
        ),
      ),
    );

    const error = await client.refreshPosture('500000000003').catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(429);
  });

  it('turns a 404 into a ResponseError with its status', async () => {
    server.use(
      http.get(`${baseUrl}/accounts/600000000001/posture`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'not found' } },
          { status: 404 },
        ),
      ),
    );

    const error = await client.getPosture('600000000001').catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(404);
  });

  it('lists organizational units under a parent and products', async () => {
    server.use(
      http.get(`${baseUrl}/organizational-units`, ({ request }) =>
        HttpResponse.json([
          {
            id: 'ou-sra0-prod0001',
            name: 'Prod',
            path: 'Root/Workloads/Prod',
            parentId: new URL(request.url).searchParams.get('parent'),
            enrolled: true,
          },
        ]),
      ),
      http.get(`${baseUrl}/service-catalog/products`, () =>
        HttpResponse.json([
          {
            id: 'prod-sra0accfactry',
            name: 'AWS Control Tower Account Factory',
          },
        ]),
      ),
    );

    const units = await client.listOrganizationalUnits({
      parent: 'ou-sra0-workloads',
    });
    expect(units[0].parentId).toBe('ou-sra0-workloads');
    await expect(client.listServiceCatalogProducts()).resolves.toHaveLength(1);
  });
});
