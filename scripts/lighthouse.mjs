// Lighthouse figures for the bench (printed, never asserted). Lighthouse 12.2.3 (package.json; 13
// needs Node 22) with its default config — mobile emulation and simulated throttling — against
// Debian's Chromium, on the release build in dist/ served as a CDN would (brotli, immutable hashed
// files: scripts/static-server.mjs --brotli).
//
//   node scripts/lighthouse.mjs [PAGE…]     default pages: every page of src/pages.rs
//
// A page whose file is not in dist/ prints `skipped (not built)`. Each page runs LIGHTHOUSE_RUNS
// times (default 3) in a fresh Chromium; the line shows the medians of the four category scores
// (0–100), LCP, total blocking time and CLS. Under any score below 100 come the audits that lost
// points (id, title, points lost, what Lighthouse measured), and for performance the opportunities
// and diagnostics that explain the metrics. The last run's JSON report of each page is written to
// target/lighthouse/ (LIGHTHOUSE_REPORT_DIR) to open in a Lighthouse viewer.
// Exits 1 when a page could not be measured (the bench prints that and carries on), else 0.
// A PAGE ending in `/` stands for its index.html (e.g. `embed/` for an entry built into dist/embed/).
// Also: CHROME_PATH (default /usr/bin/chromium), LIGHTHOUSE_PORT (8094), LIGHTHOUSE_DIST (dist),
// LIGHTHOUSE_TIMEOUT_MS (per run, 180000).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pages as sitePages } from './lib/site.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, process.env.LIGHTHOUSE_DIST ?? 'dist');
const LIGHTHOUSE = join(ROOT, 'node_modules/.bin/lighthouse');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 8094);
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const REPORT_DIR = resolve(ROOT, process.env.LIGHTHOUSE_REPORT_DIR ?? 'target/lighthouse');
const PAGES = process.argv.slice(2).length ? process.argv.slice(2) : sitePages().map((page) => page.html);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];
// A run of Lighthouse on a busy 2-core machine takes 15–40 s; past this it is stuck.
const RUN_TIMEOUT_MS = Number(process.env.LIGHTHOUSE_TIMEOUT_MS ?? 180_000);

const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs the Lighthouse CLI once on `url`; resolves with the parsed report (LHR). */
function runLighthouse(url, outputPath) {
  const args = [
    url,
    '--output=json',
    `--output-path=${outputPath}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--quiet',
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(LIGHTHOUSE, args, { env: { ...process.env, CHROME_PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // SIGINT first: Lighthouse's Chrome launcher then closes the Chromium it started.
    let killer;
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      if (code !== 0 || !existsSync(outputPath)) {
        const why = signal || killer ? `stopped after ${RUN_TIMEOUT_MS / 1000} s (LIGHTHOUSE_TIMEOUT_MS)` : `exited ${code}`;
        reject(new Error(`lighthouse ${why}${output.trim() ? `: ${output.trim().split('\n').slice(-5).join(' | ')}` : ''}`));
        return;
      }
      const lhr = JSON.parse(readFileSync(outputPath, 'utf8'));
      if (lhr.runtimeError) {
        reject(new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`));
        return;
      }
      resolvePromise(lhr);
    });
  });
}

/** The weighted audits of a category that scored below 1, with the points each cost (0–100 scale). */
function lostPoints(lhr, categoryId) {
  const category = lhr.categories[categoryId];
  const totalWeight = category.auditRefs.reduce((sum, ref) => sum + ref.weight, 0);
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && typeof audit.score === 'number' && audit.score < 1)
    .map(({ ref, audit }) => ({
      id: ref.id,
      title: audit.title,
      lost: (100 * ref.weight * (1 - audit.score)) / totalWeight,
      detail: audit.displayValue ?? '',
      items: itemsOf(audit),
    }));
}

/** Performance opportunities and diagnostics (weight 0) that failed: they explain the metrics. */
function performanceHints(lhr) {
  return lhr.categories.performance.auditRefs
    .filter((ref) => ref.weight === 0 && ref.group !== 'metrics' && ref.group !== 'hidden')
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && typeof audit.score === 'number' && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
    .map((audit) => ({ id: audit.id, title: audit.title, detail: audit.displayValue ?? '', items: itemsOf(audit) }));
}

/** Up to three of an audit's failing items (a node, a URL), so one can find what to change. */
function itemsOf(audit) {
  const items = audit.details?.items ?? [];
  return items.slice(0, 3).map((item) => {
    const node = item.node ?? item.element;
    if (node?.snippet) return `${node.snippet.slice(0, 120)}${node.explanation ? ` — ${node.explanation.split('\n').slice(0, 2).join(' ')}` : ''}`;
    if (typeof item.url === 'string') return `${item.url.replace(`http://127.0.0.1:${PORT}`, '')}${item.wastedBytes ? ` (${Math.round(item.wastedBytes / 1000)} KB to save)` : ''}${item.wastedMs ? ` (${Math.round(item.wastedMs)} ms)` : ''}`;
    if (item.groupLabel) return `${item.groupLabel}: ${Math.round(item.duration)} ms`;
    if (typeof item.url === 'string' && typeof item.total === 'number') return `${item.url.replace(`http://127.0.0.1:${PORT}`, '')}: ${Math.round(item.total)} ms`;
    if (item.statistic) return `${item.statistic}: ${item.value?.value ?? item.value}`;
    if (item.description) return String(item.description).slice(0, 120);
    return JSON.stringify(item).slice(0, 120);
  });
}

const pad = (text, width) => String(text).padEnd(width);
const score = (value) => (Number.isFinite(value) ? String(Math.round(value)) : '—').padStart(5);

if (!existsSync(LIGHTHOUSE)) {
  console.error('lighthouse is not installed in node_modules: run `npm ci` (scripts/setup.sh does)');
  process.exit(1);
}
if (!existsSync(CHROME_PATH)) {
  console.error(`no Chromium at ${CHROME_PATH} (set CHROME_PATH)`);
  process.exit(1);
}

const server = spawn(process.execPath, [join(ROOT, 'scripts/static-server.mjs'), DIST, String(PORT), '--brotli'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolvePromise, reject) => {
  server.stdout.once('data', resolvePromise);
  server.once('exit', (code) => reject(new Error(`the static server exited ${code} (port ${PORT} in use?)`)));
});
const work = mkdtempSync(join(tmpdir(), 'lighthouse-'));
mkdirSync(REPORT_DIR, { recursive: true });
let failed = 0;
console.log(`Lighthouse 12.2.3, mobile defaults (simulated throttling), ${RUNS} run(s) per page, medians; ${DIST} served with brotli on loopback`);
console.log(`${pad('page', 16)}${'perf'.padStart(5)}${'a11y'.padStart(5)}${'b-p'.padStart(5)}${'seo'.padStart(5)}${'LCP'.padStart(8)}${'TBT'.padStart(9)}${'CLS'.padStart(7)}`);
try {
  for (const page of PAGES) {
    const file = join(DIST, page.endsWith('/') ? `${page}index.html` : page);
    if (!existsSync(file)) {
      console.log(`${pad(page, 16)}skipped (not built)`);
      continue;
    }
    const url = `http://127.0.0.1:${PORT}/${page === 'index.html' ? '' : page}`;
    const reports = [];
    const errors = [];
    for (let run = 0; run < RUNS; run += 1) {
      try {
        reports.push(await runLighthouse(url, join(work, `${run}.json`)));
      } catch (error) {
        errors.push(error.message);
      }
    }
    if (reports.length === 0) {
      failed += 1;
      console.log(`${pad(page, 16)}failed: ${errors[0]}`);
      continue;
    }
    const last = reports[reports.length - 1];
    writeFileSync(join(REPORT_DIR, `${page.replace(/[/\\]/g, '_')}.report.json`), JSON.stringify(last));
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, median(reports.map((lhr) => 100 * lhr.categories[id].score))]));
    const metric = (id) => median(reports.map((lhr) => lhr.audits[id]?.numericValue));
    const lcp = metric('largest-contentful-paint');
    const tbt = metric('total-blocking-time');
    const cls = metric('cumulative-layout-shift');
    const perfRange = reports.length > 1 ? `  (perf ${Math.min(...reports.map((lhr) => Math.round(100 * lhr.categories.performance.score)))}–${Math.max(...reports.map((lhr) => Math.round(100 * lhr.categories.performance.score)))})` : '';
    console.log(
      `${pad(page, 16)}${score(scores.performance)}${score(scores.accessibility)}${score(scores['best-practices'])}${score(scores.seo)}` +
        `${`${(lcp / 1000).toFixed(2)} s`.padStart(8)}${`${Math.round(tbt)} ms`.padStart(9)}${cls.toFixed(3).padStart(7)}` +
        `${perfRange}${reports.length < RUNS ? `  (${reports.length} of ${RUNS} runs)` : ''}`,
    );
    for (const error of errors) console.log(`    a run failed: ${error}`);
    // Simulated throttling multiplies the CPU time it observes (4×), so a slow or busy host
    // inflates TBT: the host's speed as Lighthouse measured it, to compare runs on other machines.
    const benchmark = median(reports.map((lhr) => lhr.environment?.benchmarkIndex));
    console.log(`    host benchmarkIndex ${Math.round(benchmark)} (Lighthouse warns below 1000)`);
    for (const warning of new Set(reports.flatMap((lhr) => lhr.runWarnings ?? []))) console.log(`    warning: ${warning.replace(/ Learn more.*$/s, '')}`);
    // Audits that could not run are not scored (none of them weigh in a score today), but they
    // hide a diagnosis: with Chromium newer than Lighthouse knows, its trace reading can fail.
    const errored = new Map();
    for (const audit of Object.values(last.audits)) {
      if (audit.scoreDisplayMode === 'error') errored.set(audit.id, (audit.errorMessage ?? '').split('\n')[0]);
    }
    if (errored.size) {
      const firstError = [...errored.values()][0].replace(/^Required \w+ gatherer encountered an error: /, '');
      console.log(`    not run (error, unscored): ${[...errored.keys()].join(', ')} — ${firstError.slice(0, 140)}`);
    }
    for (const id of CATEGORIES) {
      if (!(scores[id] < 100)) continue;
      // Every audit that cost points in any run, with how many runs it did and its median cost.
      const byId = new Map();
      for (const lhr of reports) {
        for (const lost of lostPoints(lhr, id)) {
          const entry = byId.get(lost.id) ?? { ...lost, costs: [], details: [] };
          entry.costs.push(lost.lost);
          entry.details.push({ cost: lost.lost, text: lost.detail });
          byId.set(lost.id, entry);
        }
      }
      console.log(`    ${id} ${Math.round(scores[id])}: lost points on`);
      const entries = [...byId.values()].sort((a, b) => median(b.costs) - median(a.costs));
      for (const entry of entries) {
        // What Lighthouse measured, from the run where it cost least to where it cost most.
        const texts = [...new Set(entry.details.sort((a, b) => a.cost - b.cost).map((detail) => detail.text))].filter(Boolean);
        entry.detail = texts.length > 1 ? `${texts[0]} … ${texts[texts.length - 1]}` : (texts[0] ?? '');
        const runs = reports.length > 1 ? `, in ${entry.costs.length} of ${reports.length} runs` : '';
        console.log(`      - ${entry.id}: ${entry.title}${entry.detail ? ` [${entry.detail}]` : ''} (−${median(entry.costs).toFixed(1)}${runs})`);
        for (const item of entry.items) console.log(`          ${item}`);
      }
      if (id === 'performance') {
        const hints = performanceHints(last);
        if (hints.length) console.log('      what the metrics point at (opportunities and diagnostics, last run):');
        for (const hint of hints) {
          console.log(`      · ${hint.id}: ${hint.title}${hint.detail ? ` [${hint.detail}]` : ''}`);
          for (const item of hint.items) console.log(`          ${item}`);
        }
      }
    }
  }
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
console.log(`reports (last run of each page): ${REPORT_DIR}`);
process.exit(failed ? 1 : 0);
