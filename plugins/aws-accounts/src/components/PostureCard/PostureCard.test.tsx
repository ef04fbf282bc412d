import { screen, within } from '@testing-library/react';
import {
  mockAwsAccountsApi,
  paymentsDevEntity,
  paymentsDevPosture,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { PostureCard } from './PostureCard';

describe('PostureCard', () => {
  it('shows the score, findings by severity and service states', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockResolvedValue(paymentsDevPosture());

    await renderWithApi(<PostureCard />, { api, entity: paymentsDevEntity });

    expect(await screen.findByTestId('aws-posture-score')).toHaveTextContent(
      '62%',
    );
    expect(api.getPosture).toHaveBeenCalledWith('500000000003');
    expect(
      screen.getByRole('list', { name: 'Inspector findings by severity' }),
    ).toHaveTextContent('Critical: 3');
    const services = screen.getByRole('table', { name: 'Security services' });
    const lambdaRow = within(services).getByRole('row', {
      name: /Inspector \(Lambda\)/,
    });
    expect(
      within(lambdaRow)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['Inspector (Lambda)', 'Off', 'Not collected']);
    expect(
      screen.getByRole('list', { name: 'Why services are off or unknown' }),
    ).toHaveTextContent(
      'Inspector (Lambda) in eu-west-1: Lambda scanning is not activated for the account',
    );
    expect(
      screen.getByText(/AccessDenied on DescribeConfigurationRecorderStatus/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/stale/i)).not.toBeInTheDocument();
  });

  it('says "No data" rather than 0% when there is no score', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockResolvedValue(
      paymentsDevPosture({
        score: null,
        findings: {
          securityhub: null,
          guardduty: null,
          inspector: null,
          accessAnalyzer: null,
        },
      }),
    );

    await renderWithApi(<PostureCard />, { api, entity: paymentsDevEntity });

    expect(await screen.findByTestId('aws-posture-score')).toHaveTextContent(
      'No data',
    );
    expect(
      screen.getByText('Inspector findings by severity: not read'),
    ).toBeInTheDocument();
  });

  it('warns when the posture is stale and when sources could not be read', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockResolvedValue(
      paymentsDevPosture({
        stale: {
          since: '2026-12-02T08:00:00.000Z',
          reason: 'AssumeRole into 500000000003 was denied',
        },
        errors: [
          {
            source: 'inspector',
            region: 'eu-west-1',
            reason: 'ThrottlingException after 5 attempts',
          },
        ],
      }),
    );

    await renderWithApi(<PostureCard />, { api, entity: paymentsDevEntity });

    expect(
      await screen.findByText(/Posture is stale since/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/AssumeRole into 500000000003 was denied/),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 source could not be read/)).toBeInTheDocument();
  });

  it('explains a 404 as unknown or not allowed', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockRejectedValue(await responseError(404, 'Not Found'));

    await renderWithApi(<PostureCard />, { api, entity: paymentsDevEntity });

    expect(await screen.findByText('No posture to show')).toBeInTheDocument();
    expect(screen.getByText(/not allowed to see it/)).toBeInTheDocument();
  });

  it('shows other errors with their message', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockRejectedValue(
      await responseError(500, 'database unavailable'),
    );

    await renderWithApi(<PostureCard />, { api, entity: paymentsDevEntity });

    expect(
      await screen.findByText(/Could not load posture/),
    ).toBeInTheDocument();
  });

  it('shows the loading state until the posture arrives', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockReturnValue(new Promise(() => {}));

    await renderWithApi(<PostureCard />, { api, entity: paymentsDevEntity });

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('hides the refresh button without the refresh permission', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockResolvedValue(paymentsDevPosture());

    await renderWithApi(<PostureCard />, {
      api,
      entity: paymentsDevEntity,
      allow: false,
    });

    await screen.findByTestId('aws-posture-score');
    expect(
      screen.queryByRole('button', { name: /Refresh posture/ }),
    ).not.toBeInTheDocument();
  });
});
