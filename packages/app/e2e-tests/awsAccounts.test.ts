import { expect, test } from '@playwright/test';
import {
  attachScreenshot,
  expectNoAxeViolations,
  openAsGuest,
  PAYMENTS_DEV_PATH,
  recordTiming,
  sinceNavigation,
} from './awsAccountsPages';

test.describe('AWS account posture', () => {
  test('the posture card of payments-dev shows its score', async ({
    page,
  }, testInfo) => {
    await openAsGuest(page, PAYMENTS_DEV_PATH);
    const score = page.getByTestId('aws-posture-score');
    // A freshly started portal collects for the first time shortly after
    // start-up (catalog first, then posture): wait for that collection.
    await expect(async () => {
      await page.reload();
      await expect(score).toHaveText(/^(\d{1,3}%|No data)$/, {
        timeout: 5_000,
      });
    }).toPass({ timeout: 240_000 });
    // Load the page once more, signed in and collected, so that the timing is
    // of the page alone.
    await page.reload();
    await expect(score).toHaveText(/^(\d{1,3}%|No data)$/);
    await recordTiming(testInfo, 'posture-card', await sinceNavigation(page));
    testInfo.annotations.push({
      type: 'score',
      description: (await score.textContent()) ?? '',
    });

    await expect(
      page.getByRole('table', { name: 'Security services' }),
    ).toBeVisible();
    await attachScreenshot(page, testInfo, 'posture-card');
    await expectNoAxeViolations(page, testInfo, 'entity-overview');
  });

  test('the Vulnerabilities tab filters to CRITICAL and opens a finding', async ({
    page,
  }, testInfo) => {
    await openAsGuest(page, PAYMENTS_DEV_PATH);
    const clickedAt = Date.now();
    await page
      .getByRole('tab', { name: 'Vulnerabilities' })
      .or(page.getByRole('link', { name: 'Vulnerabilities', exact: true }))
      .first()
      .click();

    const firstRow = page.locator('tbody tr').filter({
      has: page.getByRole('button'),
    });
    await expect(firstRow.first()).toBeVisible();
    await recordTiming(testInfo, 'findings-table', Date.now() - clickedAt);
    await expect(page.getByText(/^Inspector findings \(\d+\)$/)).toBeVisible();

    await page.reload();
    await expect(firstRow.first()).toBeVisible();
    await recordTiming(
      testInfo,
      'findings-table-page-load',
      await sinceNavigation(page),
    );

    const findingsResponse = page.waitForResponse(
      response =>
        response.url().includes('/findings?') &&
        response.url().includes('severity=CRITICAL'),
    );
    await page.getByRole('checkbox', { name: 'Critical' }).check();
    expect((await findingsResponse).ok()).toBe(true);

    const table = page.getByRole('table').filter({ hasText: 'Severity' });
    const rows = table.locator('tbody tr').filter({
      has: page.getByRole('button'),
    });
    await expect(rows.first()).toBeVisible();
    const severities = await rows.locator('td:first-child').allTextContents();
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(['Critical']));

    const firstTitle = rows.first().getByRole('button');
    const findingTitle = (await firstTitle.textContent()) ?? '';
    await firstTitle.click();

    const dialog = page.getByRole('dialog', { name: findingTitle });
    await expect(dialog).toBeVisible();
    await expect(
      dialog.getByRole('heading', { name: 'Remediation' }),
    ).toBeVisible();
    await expect(dialog.getByText('CVSS vector')).toBeVisible();
    await attachScreenshot(page, testInfo, 'finding-details');
    await expectNoAxeViolations(page, testInfo, 'finding-details');

    await dialog.getByRole('button', { name: 'Close finding details' }).click();
    await expect(dialog).toBeHidden();
    await expectNoAxeViolations(page, testInfo, 'vulnerabilities-tab');
  });

  test('the SRA baseline tab shows a failing check with its fix', async ({
    page,
  }, testInfo) => {
    await openAsGuest(page, PAYMENTS_DEV_PATH);
    await page
      .getByRole('tab', { name: 'SRA baseline' })
      .or(page.getByRole('link', { name: 'SRA baseline', exact: true }))
      .first()
      .click();

    const instanceLayer = page.getByRole('region', { name: /Instance layer/ });
    await expect(instanceLayer).toBeVisible();
    const imdsv2 = instanceLayer
      .locator('.MuiAccordion-root')
      .filter({ hasText: 'EC2 instances require IMDSv2' });
    await expect(imdsv2.getByText('Fail', { exact: true })).toBeVisible();
    await expect(imdsv2.getByText('How to fix')).toBeVisible();
    await expect(
      imdsv2.getByText(/http-tokens required/).first(),
    ).toBeVisible();

    await attachScreenshot(page, testInfo, 'sra-baseline');
    await expectNoAxeViolations(page, testInfo, 'sra-baseline');
  });

  test('the organization page lists accounts and those not read', async ({
    page,
  }, testInfo) => {
    await openAsGuest(page, '/aws-accounts');

    await expect(page.getByText(/^Accounts \(\d+\)$/)).toBeVisible();
    await expect(page.getByText('payments-dev').first()).toBeVisible();
    await expect(page.getByText(/could not be read/).first()).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Accounts that could not be read' }),
    ).toContainText('600000000001');
    await expect(page.getByText('By organizational unit')).toBeVisible();

    await attachScreenshot(page, testInfo, 'organization-page');
    await expectNoAxeViolations(page, testInfo, 'organization-page');
  });
});
