import { expect, Page, TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The seed's application account that fails several baseline checks. */
export const PAYMENTS_DEV_PATH =
  '/catalog/default/resource/aws-account-500000000003';

/** Opens a path and signs in as guest when the sign-in page shows. */
export async function openAsGuest(page: Page, path: string) {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  const appNav = page.getByRole('link', { name: 'AWS accounts' });
  await expect(enter.or(appNav).first()).toBeVisible();
  if (await enter.isVisible()) {
    await enter.click();
  }
  await expect(enter).toBeHidden();
  await expect(appNav).toBeVisible();
}

/** Milliseconds since the page's navigation started. */
export async function sinceNavigation(page: Page): Promise<number> {
  return Math.round(await page.evaluate(() => performance.now()));
}

/** Records a timing as an annotation and in the test's attachments. */
export async function recordTiming(
  testInfo: TestInfo,
  name: string,
  milliseconds: number,
) {
  testInfo.annotations.push({
    type: 'timing',
    description: `${name}: ${milliseconds} ms`,
  });
  await testInfo.attach(`timing-${name}`, {
    body: JSON.stringify({ name, milliseconds }),
    contentType: 'application/json',
  });
}

/** Attaches a full-page screenshot to the test's artifacts. */
export async function attachScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
) {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
}

/**
 * Runs axe (WCAG 2.1 A and AA) on the page and fails on any violation,
 * attaching the full report.
 */
export async function expectNoAxeViolations(
  page: Page,
  testInfo: TestInfo,
  name: string,
) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  await testInfo.attach(`axe-${name}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  expect(
    results.violations.map(
      violation =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map(node => node.target.join(' '))
          .join('; ')})`,
    ),
  ).toEqual([]);
}
