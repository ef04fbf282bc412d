import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  inspectorFinding,
  mockAwsAccountsApi,
  paymentsDevEntity,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { VulnerabilitiesContent } from './VulnerabilitiesContent';

describe('VulnerabilitiesContent', () => {
  it('asks for active Inspector findings, worst first, on the first page', async () => {
    const api = mockAwsAccountsApi();
    api.listFindings.mockResolvedValue({
      items: [inspectorFinding('0001')],
      totalCount: 1,
    });

    await renderWithApi(<VulnerabilitiesContent />, {
      api,
      entity: paymentsDevEntity,
    });

    expect(
      await screen.findByText('CVE-2024-0001 - openssl'),
    ).toBeInTheDocument();
    expect(api.listFindings).toHaveBeenCalledWith('500000000003', {
      source: 'inspector',
      status: 'ACTIVE',
      severity: [],
      sort: 'severity',
      order: 'desc',
      cursor: undefined,
      limit: 25,
    });
    const link = screen.getByRole('link', { name: /^CVE-2024-0001/ });
    expect(link).toHaveAttribute(
      'href',
      'https://nvd.nist.gov/vuln/detail/CVE-2024-0001',
    );
    expect(screen.getByText('Inspector findings (1)')).toBeInTheDocument();
  });

  it('turns each filter into the query the service filters by', async () => {
    const api = mockAwsAccountsApi();
    api.listFindings.mockResolvedValue({ items: [], totalCount: 0 });

    await renderWithApi(<VulnerabilitiesContent />, {
      api,
      entity: paymentsDevEntity,
    });
    await screen.findByText('No findings match these filters.');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Critical' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'High' }));
    await userEvent.selectOptions(
      screen.getByLabelText('Resource type'),
      'AWS_LAMBDA_FUNCTION',
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Fix available'),
      'YES',
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Exploit available'),
      'true',
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Sort by'),
      'inspectorScore',
    );
    await userEvent.selectOptions(screen.getByLabelText('Order'), 'asc');
    fireEvent.change(screen.getByLabelText(/Search findings/), {
      target: { value: 'openssl' },
    });

    await waitFor(() =>
      expect(api.listFindings).toHaveBeenLastCalledWith('500000000003', {
        source: 'inspector',
        status: 'ACTIVE',
        severity: ['CRITICAL', 'HIGH'],
        resourceType: 'AWS_LAMBDA_FUNCTION',
        fixAvailable: 'YES',
        exploitAvailable: true,
        sort: 'inspectorScore',
        order: 'asc',
        search: 'openssl',
        cursor: undefined,
        limit: 25,
      }),
    );
  });

  it('pages forward by cursor and back again', async () => {
    const api = mockAwsAccountsApi();
    api.listFindings.mockImplementation(async (_id, query) =>
      query?.cursor === 'page-2'
        ? { items: [inspectorFinding('0026')], totalCount: 26 }
        : {
            items: [inspectorFinding('0001')],
            totalCount: 26,
            nextCursor: 'page-2',
          },
    );

    await renderWithApi(<VulnerabilitiesContent />, {
      api,
      entity: paymentsDevEntity,
    });
    await screen.findByText('CVE-2024-0001 - openssl');

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(
      await screen.findByText('CVE-2024-0026 - openssl'),
    ).toBeInTheDocument();
    expect(api.listFindings).toHaveBeenLastCalledWith(
      '500000000003',
      expect.objectContaining({ cursor: 'page-2' }),
    );
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    expect(
      await screen.findByText('CVE-2024-0001 - openssl'),
    ).toBeInTheDocument();
    expect(api.listFindings).toHaveBeenLastCalledWith(
      '500000000003',
      expect.objectContaining({ cursor: undefined }),
    );
  });

  it('opens a finding with its description, CVSS vector and console link', async () => {
    const api = mockAwsAccountsApi();
    api.listFindings.mockResolvedValue({
      items: [inspectorFinding('0001', { description: undefined })],
      totalCount: 1,
    });
    api.getFinding.mockResolvedValue(inspectorFinding('0001'));

    await renderWithApi(<VulnerabilitiesContent />, {
      api,
      entity: paymentsDevEntity,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'CVE-2024-0001 - openssl' }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'CVE-2024-0001 - openssl',
    });
    expect(
      await within(dialog).findByText('A buffer overread in openssl.'),
    ).toBeInTheDocument();
    expect(api.getFinding).toHaveBeenCalledWith('500000000003', '0001');
    expect(
      within(dialog).getByText('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', { name: /Open in the AWS console/ }),
    ).toHaveAttribute(
      'href',
      'https://console.aws.amazon.com/inspector/v2/home',
    );
    expect(
      within(dialog).getByText('Update openssl to 3.0.14 or later.'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close finding details' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('explains a 404 as unknown or not allowed', async () => {
    const api = mockAwsAccountsApi();
    api.listFindings.mockRejectedValue(await responseError(404, 'Not Found'));

    await renderWithApi(<VulnerabilitiesContent />, {
      api,
      entity: paymentsDevEntity,
    });

    expect(await screen.findByText('No findings to show')).toBeInTheDocument();
  });

  it('asks for the annotation on entities without an account id', async () => {
    const api = mockAwsAccountsApi();

    await renderWithApi(<VulnerabilitiesContent />, {
      api,
      entity: {
        ...paymentsDevEntity,
        metadata: { name: 'payments-api', annotations: {} },
      },
    });

    expect(
      (await screen.findAllByText(/amazonaws.com\/account-id/)).length,
    ).toBeGreaterThan(0);
    expect(api.listFindings).not.toHaveBeenCalled();
  });
});
