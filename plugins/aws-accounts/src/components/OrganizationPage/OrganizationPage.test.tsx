import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockAwsAccountsApi,
  organizationAccounts,
  organizationSummary,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { OrganizationPage } from './OrganizationPage';

describe('OrganizationPage', () => {
  it('lists accounts worst first with roll-ups, trend and unreadable accounts', async () => {
    const api = mockAwsAccountsApi();
    api.getOrganizationSummary.mockResolvedValue(organizationSummary);
    api.listAccounts.mockResolvedValue(organizationAccounts);

    await renderWithApi(<OrganizationPage />, { api });

    expect(await screen.findByText('Accounts (3)')).toBeInTheDocument();
    expect(api.listAccounts).toHaveBeenCalledWith({});

    const rows = screen
      .getAllByRole('row')
      .filter(row => within(row).queryByText(/^\d{12}/));
    expect(
      rows.map(row => within(row).getByText(/^\d{12}/).textContent),
    ).toEqual(['500000000003', '500000000001', '600000000001']);
    expect(within(rows[2]).getByText('Not read')).toBeInTheDocument();
    expect(within(rows[2]).getAllByText('not read')).toHaveLength(4);
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(expect.arrayContaining(['62%', '3', 'Workloads/Dev', 'dev']));

    expect(screen.getByText(/1 account could not be read/)).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Accounts that could not be read' }),
    ).toHaveTextContent('orders-prod (600000000001)');
    expect(screen.getByText('By organizational unit')).toBeInTheDocument();
    expect(screen.getByText('By environment')).toBeInTheDocument();
    expect(
      screen.getByText(/\(score 75%, 6 critical findings\) to/),
    ).toBeInTheDocument();
    expect(screen.getByText('81%')).toBeInTheDocument();
  });

  it('filters accounts on the server by OU, environment and owner', async () => {
    const api = mockAwsAccountsApi();
    api.getOrganizationSummary.mockResolvedValue(organizationSummary);
    api.listAccounts.mockResolvedValue(organizationAccounts);

    await renderWithApi(<OrganizationPage />, { api });
    await screen.findByText('Accounts (3)');

    await userEvent.selectOptions(
      screen.getByLabelText('Organizational unit'),
      'Root/Workloads/Dev',
    );
    await userEvent.selectOptions(screen.getByLabelText('Environment'), 'dev');
    await userEvent.selectOptions(
      screen.getByLabelText('Owner'),
      'team-payments',
    );

    await waitFor(() =>
      expect(api.listAccounts).toHaveBeenLastCalledWith({
        ou: 'Root/Workloads/Dev',
        environment: 'dev',
        owner: 'team-payments',
      }),
    );
  });

  it('shows an empty table when no account may be read', async () => {
    const api = mockAwsAccountsApi();
    api.getOrganizationSummary.mockResolvedValue({
      ...organizationSummary,
      accounts: 0,
      trend: [],
      unreadable: [],
      byOrganizationalUnit: [],
      byEnvironment: [],
    });
    api.listAccounts.mockResolvedValue([]);

    await renderWithApi(<OrganizationPage />, { api });

    expect(
      await screen.findByText(
        'No account matches these filters, or you may not read any.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
    expect(screen.getByText(/No history yet/)).toBeInTheDocument();
  });

  it('shows why the summary could not be loaded', async () => {
    const api = mockAwsAccountsApi();
    api.getOrganizationSummary.mockRejectedValue(
      await responseError(503, 'posture service starting'),
    );

    await renderWithApi(<OrganizationPage />, { api });

    expect(
      await screen.findByText(/Could not load organization posture/),
    ).toBeInTheDocument();
  });
});
