import { defineConfig } from '@playwright/test';

// End-to-end tests for Funnel Planner: the release build in dist/, served as static files on
// loopback, driven in Debian's Chromium (no browser is downloaded).
// E2E_PORT lets several work trees run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 8091);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/test-results',
  // Some tests type a whole marketing side or open a second browser: on this 2-core machine they
  // take 20–30 s, so the default 30 s limit made them fail by chance. Speed is measured by the
  // benchmark, never by a test's time limit.
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'target/e2e-results.json' }]],
  use: {
    baseURL,
    // The browser's language decides a first visit's language: English unless a test asks.
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-gpu',
          ],
        },
      },
    },
  ],
  webServer: {
    // Node only (a fresh machine may have no Python): scripts/static-server.mjs serves dist/.
    command: `node scripts/static-server.mjs dist ${PORT}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
