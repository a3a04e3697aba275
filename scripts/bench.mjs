// Timings in headless Chromium against dist/ on loopback, printed as medians (never asserted:
// this machine is noisy). Cold load = a new browser context each run (empty cache).
//   - time to interactive: navigation start → the targets table is rendered (the wasm is running)
//   - input to result: typing a goal → the targets table shows the new figure
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const PORT = 8093;
const URL = `http://127.0.0.1:${PORT}/`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const server = spawn(process.execPath, ['scripts/static-server.mjs', 'dist', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
});
const interactive = [];
const inputToResult = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(URL, { waitUntil: 'commit' });
    await page.locator('table.targets-table tbody tr').first().waitFor();
    interactive.push(await page.evaluate(() => performance.now()));
    inputToResult.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const input = document.getElementById('new-customers-goal');
            const cell = () => document.querySelector('table.targets-table tbody tr td');
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (cell()?.textContent === '6,250') {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            input.value = '9';
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
      ),
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const ms = (value) => `${value.toFixed(1)} ms`;
console.log(`cold loads: ${RUNS} (headless Chromium, loopback, new context each)`);
console.log(`time to interactive: median ${ms(median(interactive))} (min ${ms(Math.min(...interactive))}, max ${ms(Math.max(...interactive))})`);
console.log(`input to updated result: median ${ms(median(inputToResult))} (min ${ms(Math.min(...inputToResult))}, max ${ms(Math.max(...inputToResult))})`);
