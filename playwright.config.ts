import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in the machine's Chromium (Debian's package by default;
 * CHROMIUM_PATH points elsewhere). Playwright never downloads a browser here.
 *
 * `yarn test` starts the portal itself and sets PORTAL_E2E_EXTERNAL; a plain
 * `yarn test:e2e` starts it through the web server below, or reuses one that
 * already runs.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 300_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: process.env.PORTAL_E2E_EXTERNAL
    ? undefined
    : {
        command: 'node scripts/portal.mjs start',
        url: 'http://localhost:3000',
        reuseExistingServer: true,
        timeout: 600_000,
      },
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      // Root in a container needs --no-sandbox; the rest keep Chromium off
      // the network it cannot reach.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
