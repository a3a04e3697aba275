// Start-up figures for the bench (printed, never asserted): for every page of src/pages.rs, cold
// loads in headless Chromium against dist/ served with brotli as a CDN would, with the CPU slowed
// 4× as Lighthouse does for a mid-range phone.
//   - usable: navigation start → the page's last start-up slice is built (the footer, or the
//     embed's main, is in the page and no task is queued: a keystroke is answered at once)
//   - longest task: the longest task the main thread ran from navigation until then (what a
//     keystroke typed during start-up would wait behind; goal under 40 ms slowed, 10 ms not)
//   - blocking: the sum over those tasks of their time past 50 ms (Lighthouse's TBT, measured
//     rather than simulated)
//   - longest frame gap: the longest time between two frames until then (the shorter tasks too)
//   - CLS: the layout shifts until then, the worst load's (goal 0)
// Medians over STARTUP_RUNS (default 5) loads each, of the build in STARTUP_DIST (default dist). Also STARTUP_CPU_SLOWDOWN (default 4), and
// STARTUP_COUNTER: the folder of the bare Leptos counter built beside the app in the same run
// (scripts/bench-counter.sh), measured first, each page's time to usable then also given as a
// multiple of the counter's.
//
//   node scripts/startup.mjs [PAGE…]      default: every page
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { pages as sitePages } from './lib/site.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, process.env.STARTUP_DIST ?? 'dist');
const PORT = 8095;
const COUNTER_PORT = 8096;
const COUNTER = process.env.STARTUP_COUNTER ? resolve(process.env.STARTUP_COUNTER) : null;
const RUNS = Math.max(1, Number(process.env.STARTUP_RUNS ?? 5));
const SLOWDOWN = Math.max(1, Number(process.env.STARTUP_CPU_SLOWDOWN ?? 4));
const PAGES = process.argv.slice(2).length ? process.argv.slice(2) : sitePages().map((page) => page.html);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs in the page before its scripts: records every long task (over 50 ms, the browser's own
 * threshold) and, through a frame loop, every gap between frames, the shorter tasks included. */
function watchTasks() {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  window.__gaps = [];
  let last = performance.now();
  const frame = (now) => {
    window.__gaps.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Serves `dir` on `port` as a CDN would (brotli); resolves once it listens. */
async function serve(dir, port) {
  const server = spawn(process.execPath, ['scripts/static-server.mjs', dir, String(port), '--brotli'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolvePromise) => server.stdout.once('data', resolvePromise));
  return server;
}
const servers = [await serve(DIST, PORT)];
const targets = PAGES.map((html) => ({ label: html, dist: DIST, url: `http://127.0.0.1:${PORT}/${html}`, file: html }));
if (COUNTER) {
  servers.push(await serve(COUNTER, COUNTER_PORT));
  targets.unshift({ label: 'bare counter', dist: COUNTER, url: `http://127.0.0.1:${COUNTER_PORT}/`, file: 'index.html' });
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
});
const rows = [];
try {
  for (const { label, dist, url, file } of targets) {
    if (!existsSync(join(dist, file))) {
      console.log(`${label}: skipped (not built)`);
      continue;
    }
    const usable = [];
    const longest = [];
    const blocking = [];
    const frames = [];
    const shifts = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
      await context.addInitScript(watchTasks);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
      await page.goto(url, { waitUntil: 'commit' });
      // The footer comes with the mount (the embed has none: its main).
      await page.locator('footer, main.embed').first().waitFor({ state: 'attached' });
      // The slices are zero-delay timers set at mount: one set after them runs once they have.
      const figures = await page.evaluate(
        () =>
          new Promise((done) =>
            setTimeout(
              () =>
                requestAnimationFrame(() =>
                  done({
                    usable: performance.now(),
                    tasks: window.__tasks,
                    gaps: window.__gaps,
                    shift: window.__shift,
                  }),
                ),
              0,
            ),
          ),
      );
      usable.push(figures.usable);
      longest.push(Math.max(0, ...figures.tasks));
      blocking.push(figures.tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0));
      frames.push(Math.max(0, ...figures.gaps));
      shifts.push(figures.shift);
      await context.close();
    }
    rows.push({ html: label, usable: median(usable), longest: median(longest), blocking: median(blocking), frame: median(frames), shift: Math.max(...shifts) });
  }
} finally {
  await browser.close();
  for (const server of servers) server.kill();
}
const ms = (value) => `${Math.round(value)} ms`.padStart(8);
console.log(`start-up, CPU slowed ${SLOWDOWN}×, phone viewport, brotli; medians of ${RUNS} cold loads`);
const counter = COUNTER ? rows.find((row) => row.html === 'bare counter') : null;
const times = (row) => (counter ? `${(row.usable / counter.usable).toFixed(1)}×`.padStart(8) : '');
console.log(`${'page'.padEnd(16)}${'usable'.padStart(8)}${counter ? '  ÷ bare' : ''}${'longest task'.padStart(14)}${'blocking'.padStart(10)}${'longest frame gap'.padStart(19)}${'CLS (worst)'.padStart(13)}`);
for (const row of rows) {
  console.log(`${row.html.padEnd(16)}${ms(row.usable)}${times(row)}${ms(row.longest).padStart(14)}${ms(row.blocking).padStart(10)}${ms(row.frame).padStart(19)}${row.shift.toFixed(3).padStart(13)}`);
}
