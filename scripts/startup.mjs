// Start-up figures for the bench (printed, never asserted): for every page of src/pages.rs, cold
// loads in headless Chromium against dist/ served with brotli as a CDN would, with the CPU slowed
// 4× as Lighthouse does for a mid-range phone.
//   - first field: navigation start → the frame that paints the first field a person can type in
//     (the counter: its button). A keystroke is taken from then on, at worst after the slice being
//     built (the issue lets what is below the first screen come later); on the embed, the field
//     is its HTML's, whose text its own fields take over, and its figures come with its slices
//     ("all built")
//   - all built: navigation start → the page's last start-up slice is built: when it marks <html>
//     `data-started`, or (the counter) the last change to the page before a second unchanged
//   - longest task: the longest task the main thread ran from navigation until then (what a
//     keystroke typed during start-up would wait behind; goal under 40 ms slowed, 10 ms not)
//   - blocking: the sum over those tasks of their time past 50 ms (Lighthouse's TBT, measured
//     rather than simulated)
//   - longest frame gap: the longest time between two frames until then (the shorter tasks too)
//   - CLS: the layout shifts until then, the worst load's (goal 0)
// Medians over STARTUP_RUNS (default 5) loads each, of the build in STARTUP_DIST (default dist). Also STARTUP_CPU_SLOWDOWN (default 4), and
// STARTUP_COUNTER: the folder of the bare Leptos counter built beside the app in the same run
// (scripts/bench-counter.sh), each page's times then also given as a multiple of the counter's;
// and STARTUP_BEFORE: another build of the site (a copy of dist/ before a change), its pages
// measured beside this one's as "before: …". The loads go round after round, one of each.
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
const BEFORE_PORT = 8098;
const COUNTER = process.env.STARTUP_COUNTER ? resolve(process.env.STARTUP_COUNTER) : null;
const BEFORE = process.env.STARTUP_BEFORE ? resolve(process.env.STARTUP_BEFORE) : null;
const QUIET = 1000;
const RUNS = Math.max(1, Number(process.env.STARTUP_RUNS ?? 5));
const SLOWDOWN = Math.max(1, Number(process.env.STARTUP_CPU_SLOWDOWN ?? 4));
const PAGES = process.argv.slice(2).length ? process.argv.slice(2) : sitePages().map((page) => page.html);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs in the page before its scripts: records every long task (over 50 ms, the browser's own
 * threshold), every gap between frames (the shorter tasks included, through a frame loop), every
 * layout shift and the time of every change to the page, each with when it happened. */
function watchTasks() {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__tasks.push({ at: entry.startTime, value: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push({ at: entry.startTime, value: entry.value });
  }).observe({ type: 'layout-shift', buffered: true });
  window.__gaps = [];
  let last = performance.now();
  const frame = (now) => {
    window.__gaps.push({ at: last, value: now - last });
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // The first field a person can type in (the counter: its button), timed at the frame that
  // paints it (its animation frame), the same way on every page: not one in an inert or hidden
  // part, nor one built hidden behind the frame. The embed's frame's fields take typing, which
  // its own fields take over (src/ui/embed.rs), so they count. Then when the start's last slice
  // marks <html> `data-started` (src/ui/later.rs), and every change to the page after the first
  // field, seen in the microtasks of the task that made it (for a build without the mark: the
  // counter).
  window.__seen = 0;
  window.__first = 0;
  window.__started = 0;
  window.__changes = [];
  new MutationObserver(() => {
    const now = performance.now();
    if (!window.__seen && document.querySelector('input:not([inert] *, [hidden] *, .frame-hidden [data-frame] *), footer button')) {
      window.__seen = now;
      requestAnimationFrame((painted) => (window.__first = painted));
    }
    if (!window.__started && document.documentElement.hasAttribute('data-started')) window.__started = now;
    if (window.__seen) window.__changes.push(now);
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** Serves `dir` on `port` as a CDN would (brotli); resolves once it listens. */
async function serve(dir, port) {
  const server = spawn(process.execPath, ['scripts/static-server.mjs', dir, String(port), '--brotli'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolvePromise, reject) => {
    server.stdout.once('data', resolvePromise);
    server.once('exit', (code) => reject(new Error(`the static server exited ${code} (port ${port} in use?)`)));
  });
  return server;
}
const servers = [await serve(DIST, PORT)];
const targets = PAGES.map((html) => ({ label: html, dist: DIST, url: `http://127.0.0.1:${PORT}/${html}`, file: html }));
if (BEFORE) {
  servers.push(await serve(BEFORE, BEFORE_PORT));
  // Each page of the other build right after the same page of this one.
  for (const [at, html] of [...PAGES.entries()].reverse()) {
    targets.splice(at + 1, 0, { label: `before: ${html}`, dist: BEFORE, url: `http://127.0.0.1:${BEFORE_PORT}/${html}`, file: html });
  }
}
if (COUNTER) {
  servers.push(await serve(COUNTER, COUNTER_PORT));
  targets.unshift({ label: 'bare counter', dist: COUNTER, url: `http://127.0.0.1:${COUNTER_PORT}/`, file: 'index.html' });
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
});
const measured = targets.filter(({ label, dist, file }) => existsSync(join(dist, file)) || console.log(`${label}: skipped (not built)`));
for (const target of measured) target.loads = [];
try {
  // Round after round, one load of each: a slower stretch of a busy machine then slows them all.
  for (let run = 0; run < RUNS; run += 1) {
    for (const target of measured) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
      await context.addInitScript(watchTasks);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
      // The start is over when its last slice marks the page, or (a build without the mark)
      // once the page has not changed for QUIET ms: its last slice was the last change before.
      // A load that does not get there in a minute is reported and left out.
      try {
        await page.goto(target.url, { waitUntil: 'commit' });
        await page.waitForFunction(
          (quiet) => window.__first && (window.__started || performance.now() - window.__changes.at(-1) > quiet),
          QUIET,
          { polling: 100, timeout: 60_000 },
        );
      } catch (error) {
        console.log(`${target.label}: a load left out (${error.message.split('\n')[0]})`);
        await context.close();
        continue;
      }
      const figures = await page.evaluate(() => {
        const usable = window.__started || window.__changes.at(-1);
        const until = (entries) => entries.filter((entry) => entry.at <= usable).map((entry) => entry.value);
        return {
          first: window.__first,
          usable,
          tasks: until(window.__tasks),
          gaps: until(window.__gaps),
          shift: until(window.__shifts).reduce((sum, value) => sum + value, 0),
        };
      });
      target.loads.push({
        first: figures.first,
        usable: figures.usable,
        longest: Math.max(0, ...figures.tasks),
        blocking: figures.tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
        frame: Math.max(0, ...figures.gaps),
        shift: figures.shift,
      });
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.kill();
}
for (const { label, loads } of measured) if (loads.length === 0) console.log(`${label}: no load measured`);
const rows = measured.filter(({ loads }) => loads.length > 0).map(({ label, loads }) => {
  const of = (key) => loads.map((load) => load[key]);
  return {
    html: label,
    first: median(of('first')),
    usable: median(of('usable')),
    longest: median(of('longest')),
    blocking: median(of('blocking')),
    frame: median(of('frame')),
    shift: Math.max(...of('shift')),
  };
});
const ms = (value) => `${Math.round(value)} ms`.padStart(8);
console.log(`start-up, CPU slowed ${SLOWDOWN}×, phone viewport, brotli; medians of ${RUNS} cold loads`);
const counter = COUNTER ? rows.find((row) => row.html === 'bare counter') : null;
const times = (row, key) => (counter ? `${(row[key] / counter[key]).toFixed(1)}×`.padStart(8) : '');
console.log(`${'page'.padEnd(24)}${'first field'.padStart(12)}${counter ? '  ÷ bare' : ''}${'all built'.padStart(10)}${counter ? '  ÷ bare' : ''}${'longest task'.padStart(14)}${'blocking'.padStart(10)}${'longest frame gap'.padStart(19)}${'CLS (worst)'.padStart(13)}`);
for (const row of rows) {
  console.log(`${row.html.padEnd(24)}${ms(row.first).padStart(12)}${times(row, 'first')}${ms(row.usable).padStart(10)}${times(row, 'usable')}${ms(row.longest).padStart(14)}${ms(row.blocking).padStart(10)}${ms(row.frame).padStart(19)}${row.shift.toFixed(3).padStart(13)}`);
}
