import { screen } from '@testing-library/react';
import {
  mockAwsAccountsApi,
  paymentsDevEntity,
  paymentsDevPosture,
} from './__testUtils__/fixtures';
import { renderWithApi } from './__testUtils__/renderWithApi';
import {
  awsAccountsPlugin,
  EntityAwsPostureCard,
  EntitySraBaselineContent,
} from './plugin';
import { isAwsAccountEntity } from './isAwsAccountEntity';

describe('legacy frontend system exports', () => {
  it('is the aws-accounts plugin with its API', () => {
    expect(awsAccountsPlugin.getId()).toBe('aws-accounts');
    expect(
      [...awsAccountsPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.aws-accounts.api']);
  });

  it('renders the posture card and baseline extensions', async () => {
    const api = mockAwsAccountsApi();
    api.getPosture.mockResolvedValue(paymentsDevPosture());
    api.getHistory.mockResolvedValue([]);

    await renderWithApi(
      <>
        <EntityAwsPostureCard />
        <EntitySraBaselineContent />
      </>,
      { api, entity: paymentsDevEntity },
    );

    expect(await screen.findByTestId('aws-posture-score')).toHaveTextContent(
      '62%',
    );
    expect(
      await screen.findByText('EC2 instances require IMDSv2'),
    ).toBeInTheDocument();
  });

  it('tells entities with an account id apart', () => {
    expect(isAwsAccountEntity(paymentsDevEntity)).toBe(true);
    expect(
      isAwsAccountEntity({ ...paymentsDevEntity, metadata: { name: 'x' } }),
    ).toBe(false);
  });
});
