import { screen, within } from '@testing-library/react';
import {
  counts,
  mockAwsAccountsApi,
  paymentsDevEntity,
  paymentsDevPosture,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { SraBaselineContent } from './SraBaselineContent';

describe('SraBaselineContent', () => {
  it('groups checks by layer and shows a failing check with its resources and fix', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockResolvedValue(paymentsDevPosture());
    api.getHistory.mockResolvedValue([
      {
        collectedAt: '2026-12-02T12:00:00.000Z',
        score: 55,
        findings: counts({ CRITICAL: 5 }),
        failingChecks: 6,
      },
      {
        collectedAt: '2026-12-03T12:00:00.000Z',
        score: 62,
        findings: counts({ CRITICAL: 3 }),
        failingChecks: 5,
      },
    ]);

    await renderWithApi(<SraBaselineContent />, {
      api,
      entity: paymentsDevEntity,
    });

    const instance = await screen.findByRole('region', {
      name: /Instance layer/,
    });
    expect(
      within(instance).getByText('EC2 instances require IMDSv2'),
    ).toBeInTheDocument();
    expect(within(instance).getByText('Fail')).toBeInTheDocument();
    expect(
      within(instance).getByRole('list', {
        name: 'Failing resources of EC2 instances require IMDSv2',
      }),
    ).toHaveTextContent('i-0abc1234def567890');
    expect(within(instance).getByText('How to fix')).toBeInTheDocument();
    expect(
      within(instance).getByText(/modify-instance-metadata-options/),
    ).toBeInTheDocument();

    const account = screen.getByRole('region', { name: /Account layer/ });
    expect(within(account).getByText('Pass')).toBeInTheDocument();
    expect(within(account).getByText('Unknown')).toBeInTheDocument();
    expect(
      within(account).getByText('kms:ListKeys was denied in eu-west-1'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: /Network layer/ }),
    ).not.toBeInTheDocument();

    expect(
      await screen.findByText(/\(score 55%, 5 critical findings\)/),
    ).toBeInTheDocument();
  });

  it('says when no check was evaluated yet', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockResolvedValue(paymentsDevPosture({ checks: [] }));
    api.getHistory.mockResolvedValue([]);

    await renderWithApi(<SraBaselineContent />, {
      api,
      entity: paymentsDevEntity,
    });

    expect(
      await screen.findByText('No baseline checks yet'),
    ).toBeInTheDocument();
    expect(await screen.findByText(/No history yet/)).toBeInTheDocument();
  });

  it('explains a 404 as unknown or not allowed', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockRejectedValue(await responseError(404, 'Not Found'));

    await renderWithApi(<SraBaselineContent />, {
      api,
      entity: paymentsDevEntity,
    });

    expect(
      await screen.findByText('No SRA baseline to show'),
    ).toBeInTheDocument();
  });
});
