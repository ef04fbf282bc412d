import { chromium, Page } from 'playwright-core';

/** Milliseconds from navigation start to a rendered element, per view. */
export interface FrontendRun {
  postureCardMs: number;
  findingsTableMs: number;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const PAYMENTS_DEV_PATH = '/catalog/default/resource/aws-account-500000000003';
const TIMEOUT_MS = 60_000;

async function signInAsGuest(page: Page) {
  const enter = page.getByRole('button', { name: 'Enter' });
  const appNav = page.getByRole('link', { name: 'AWS accounts' });
  await enter.or(appNav).first().waitFor({ timeout: TIMEOUT_MS });
  if (await enter.isVisible()) {
    await enter.click();
    await appNav.waitFor({ timeout: TIMEOUT_MS });
  }
}

const sinceNavigation = (page: Page) =>
  page.evaluate(() => Math.round(performance.now()));

/** Whether the portal answers at its app URL. */
export async function portalIsRunning(appUrl: string): Promise<boolean> {
  // `localhost` may resolve to ::1 first while the portal listens on IPv4.
  for (const url of [appUrl, appUrl.replace('//localhost', '//127.0.0.1')]) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.ok) {
        return true;
      }
    } catch {
      // Try the next address.
    }
  }
  return false;
}

/**
 * Opens payments-dev's entity page in Chromium and measures, from a fresh
 * navigation with a warm sign-in, the time to the posture card's score and
 * to the Vulnerabilities tab's findings table (median of `runs`).
 */
export async function measureFrontend(
  appUrl: string,
  runs: number,
): Promise<FrontendRun> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ baseURL: appUrl });
    await page.goto(PAYMENTS_DEV_PATH);
    await signInAsGuest(page);

    const card: number[] = [];
    const table: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goto(PAYMENTS_DEV_PATH);
      await signInAsGuest(page);
      await page
        .getByTestId('aws-posture-score')
        .filter({ hasText: /^(\d{1,3}%|No data)$/ })
        .waitFor({ timeout: TIMEOUT_MS });
      card.push(await sinceNavigation(page));

      await page.goto(`${PAYMENTS_DEV_PATH}`);
      await signInAsGuest(page);
      await page
        .getByRole('tab', { name: 'Vulnerabilities' })
        .or(page.getByRole('link', { name: 'Vulnerabilities', exact: true }))
        .first()
        .click();
      await page
        .getByRole('table')
        .filter({ hasText: 'Severity' })
        .getByRole('row')
        .nth(1)
        .waitFor({ timeout: TIMEOUT_MS });
      table.push(await sinceNavigation(page));
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return { postureCardMs: median(card), findingsTableMs: median(table) };
  } finally {
    await browser.close();
  }
}
