import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockAwsAccountsApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { RefreshPostureButton } from './RefreshPostureButton';

// usePermission caches decisions for the whole test file, so the denied case
// lives in PostureCard.test.tsx and this file only allows.
describe('RefreshPostureButton', () => {
  it('starts a collection and reports success, rate limiting and refusal', async () => {
    const api = mockAwsAccountsApi();
    api.refreshPosture
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(await responseError(429, 'Too Many Requests'))
      .mockRejectedValueOnce(await responseError(403, 'Forbidden'));

    const onRefreshed = jest.fn();
    await renderWithApi(
      <RefreshPostureButton
        accountId="500000000003"
        entityRef="resource:default/aws-account-500000000003"
        onRefreshed={onRefreshed}
      />,
      { api, allow: true },
    );

    const button = await screen.findByRole('button', {
      name: 'Refresh posture of account 500000000003',
    });
    const status = screen.getByRole('status');

    await userEvent.click(button);
    await waitFor(() => expect(status).toHaveTextContent(/Collected again/));
    expect(api.refreshPosture).toHaveBeenCalledWith('500000000003');
    expect(onRefreshed).toHaveBeenCalledTimes(1);

    await userEvent.click(button);
    await waitFor(() =>
      expect(status).toHaveTextContent(/refreshed a moment ago/),
    );

    await userEvent.click(button);
    await waitFor(() =>
      expect(status).toHaveTextContent(/You may not refresh this account/),
    );
    expect(onRefreshed).toHaveBeenCalledTimes(1);
  });
});
