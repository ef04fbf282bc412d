import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  inspectorFinding,
  mockAwsAccountsApi,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { ExportFindingsButton } from './ExportFindingsButton';

describe('ExportFindingsButton', () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:findings');
  const revokeObjectURL = jest.fn();

  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    createObjectURL.mockClear();
  });

  it('reads every page of the current filter and downloads them as CSV', async () => {
    const api = mockAwsAccountsApi();
    api.listFindings
      .mockResolvedValueOnce({
        items: [inspectorFinding('0001')],
        totalCount: 2,
        nextCursor: 'next',
      })
      .mockResolvedValueOnce({
        items: [inspectorFinding('0002', { title: 'has, "quotes"' })],
        totalCount: 2,
      });
    const filter = {
      source: 'inspector' as const,
      severity: ['CRITICAL' as const],
      search: 'openssl',
    };

    await renderWithApi(
      <ExportFindingsButton accountId="500000000003" filter={filter} />,
      { api },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Exported 2 findings.',
      ),
    );
    expect(api.listFindings).toHaveBeenNthCalledWith(1, '500000000003', {
      ...filter,
      cursor: undefined,
      limit: 500,
    });
    expect(api.listFindings).toHaveBeenNthCalledWith(2, '500000000003', {
      ...filter,
      cursor: 'next',
      limit: 500,
    });
    const csv = await createObjectURL.mock.calls[0][0].text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^severity,title,vulnerability_id,package/);
    expect(lines[1]).toContain(
      'CRITICAL,CVE-2024-0001 - openssl,CVE-2024-0001',
    );
    expect(lines[2]).toContain('"has, ""quotes"""');
  });

  it('says why an export failed', async () => {
    const api = mockAwsAccountsApi();
    api.listFindings.mockRejectedValue(new Error('service unavailable'));

    await renderWithApi(
      <ExportFindingsButton accountId="500000000003" filter={{}} />,
      { api },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Export failed: service unavailable',
      ),
    );
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});
