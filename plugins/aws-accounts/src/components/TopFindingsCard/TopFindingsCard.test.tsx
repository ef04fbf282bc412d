import { screen } from '@testing-library/react';
import {
  mockAwsAccountsApi,
  paymentsDevEntity,
  paymentsDevPosture,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TopFindingsCard } from './TopFindingsCard';

describe('TopFindingsCard', () => {
  it('lists failing controls and GuardDuty findings', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockResolvedValue(paymentsDevPosture());

    await renderWithApi(<TopFindingsCard />, {
      api,
      entity: paymentsDevEntity,
    });

    expect(
      await screen.findByText('EC2.8 · EC2 instances should use IMDSv2'),
    ).toBeInTheDocument();
    expect(screen.getByText('3 failing resources')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /EC2 instance is querying a domain name associated with Bitcoin/,
      }),
    ).toBeInTheDocument();
  });

  it('says GuardDuty could not be read instead of showing no findings', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockResolvedValue(
      paymentsDevPosture({
        topFailingControls: [],
        topGuardDutyFindings: [],
        findings: {
          ...paymentsDevPosture().findings,
          guardduty: null,
        },
      }),
    );

    await renderWithApi(<TopFindingsCard />, {
      api,
      entity: paymentsDevEntity,
    });

    expect(
      await screen.findByText('No Security Hub control fails.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('GuardDuty could not be read on the last collection.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No active GuardDuty findings.'),
    ).not.toBeInTheDocument();
  });
});
