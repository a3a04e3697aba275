// Prints every file in dist/ with its raw, gzip and brotli size, and each page's first load (every
// file the page loads before it is usable). With --check, fails when a page's first load exceeds
// its budget or a page is missing: byte sizes are deterministic, so this may gate the test run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { pages as sitePages } from './lib/site.mjs';

// The first-load budgets, per page (the product's rule, in src/pages.rs): the blog embed loads in
// at most 130 KB brotli, and any page of the full app in at most 230 KB, however many features
// it gains.
// History of the single page before the split into entries (issue 12): the foundation aimed at
// 200 KB; budgets, channels and KPIs (issue 5) took it to about 228 KB after the size work that
// paid (Leptos's erase_components, wasm-opt -Os with --low-memory-unused); the trust fixes
// (issue 10) took it to 238.3 KB. Reading numbers without f64::from_str (its 11 KB table), one
// small sort instead of four instantiations of the standard ones, and Latin case folding instead
// of Unicode's tables brought it to 212.6 KB. Measured and not worth it: opt-level "s" (254.6 KB),
// wasm-opt -Oz/--converge/--gufa.
const PAGES = sitePages();
const budgetOf = (html) => PAGES.find((page) => page.html === html)?.budget ?? 0;
const dist = process.argv.find((arg) => !arg.startsWith('-') && arg.endsWith('dist')) ?? 'dist';
const isCheck = process.argv.includes('--check');

const sizes = new Map(
  readdirSync(dist)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dist, name));
      return [
        name,
        {
          raw: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
          brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        },
      ];
    }),
);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`.padStart(10);
const line = (label, size) => `${label.padEnd(48)}${kb(size.raw)}${kb(size.gzip)}${kb(size.brotli)}`;
const sum = (names) =>
  names.reduce(
    (total, name) => {
      const size = sizes.get(name);
      return { raw: total.raw + size.raw, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
console.log(`${'file'.padEnd(48)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const [name, size] of sizes) console.log(line(name, size));

// A page's first load: the page, every file of this site it names (stylesheet, loader, wasm, the
// service worker's registration, manifest, icon), the service worker the registration fetches,
// and the largest catalogue file it may load (a reader's language).
const failures = [];
const pages = [...sizes.keys()].filter((name) => name.endsWith('.html'));
console.log('');
for (const page of pages) {
  const html = readFileSync(join(dist, page), 'utf8');
  // What the page loads: the addresses its <link>, <script> and <img> tags name. A link to
  // another page (<a href>, the navigation its HTML carries) is not loaded with it.
  const named = [...html.matchAll(/<(?:link|script|img)\b[^>]*>/g)]
    .flatMap((tag) => [...tag[0].matchAll(/\b(?:href|src)=["']?([^"' >]+)/g)])
    .map((match) => match[1].replace(/^\.\//, ''))
    .filter((name) => sizes.has(name))
    // And the modules the inline loader imports (`import("./x.js")`, either quote).
    .concat([...html.matchAll(/\bimport\s*\(\s*(['"])(?:\.\/)?([^'"]+\.js)\1/g)].map((match) => match[2]).filter((name) => sizes.has(name)));
  // The texts of the language read in, when the page does not carry them: the largest of its
  // catalogue files (the embed loads its own, English too; the Channels, Results and review
  // pages their own, with their own texts; the Plan page those of id, pl and fr).
  // A page's own files are named after its entry (i18n-pl-forecast.txt); the Plan page's have no
  // suffix.
  const entry = page.replace(/\.html$/, '');
  const ownCatalogue = entry === 'index' ? /^i18n-\w+\.txt$/ : new RegExp(`^i18n-\\w+-${entry}\\.txt$`);
  const catalogues = [...sizes.keys()].filter((name) => ownCatalogue.test(name));
  const largest = catalogues.sort((a, b) => sizes.get(b).brotli - sizes.get(a).brotli)[0];
  const files = [
    ...new Set([
      page,
      ...named,
      ...(sizes.has('sw.js') && html.includes('register-sw.js') ? ['sw.js'] : []),
      // The wasm beside each wasm-bindgen module named (the loader fetches it; no page preloads
      // it).
      ...named.map((name) => name.replace(/\.js$/, '_bg.wasm')).filter((name) => name.endsWith('_bg.wasm') && sizes.has(name)),
      // The workers the loader starts (`new Worker("start-worker.js")`, either quote: the loader
      // is minified).
      ...[...html.matchAll(/new Worker\((['"])([^'"]+)\1\)/g)].map((match) => match[2]).filter((name) => sizes.has(name)),
      ...(largest ? [largest] : []),
    ]),
  ];
  const total = sum(files);
  const budget = budgetOf(page);
  console.log(line(`first load of ${page}`, total));
  console.log(`  ${files.join(', ')}`);
  console.log(`  budget ${kb(budget).trim()} brotli; used ${((100 * total.brotli) / budget).toFixed(1)} % (${budget - total.brotli} B left)`);
  if (total.brotli > budget) failures.push(`${page}: first load ${total.brotli} B brotli is over its ${budget} B budget`);
}
// Every page, and a catalogue file of each (Polish: a language every page loads from a file).
for (const wanted of PAGES.flatMap((page) => [
  page.html,
  page.entry === 'index' ? 'i18n-pl.txt' : `i18n-pl-${page.entry}.txt`,
])) {
  if (!sizes.has(wanted)) failures.push(`${wanted} is missing from ${dist}/: not every entry was built`);
}
if (isCheck && failures.length > 0) {
  for (const failure of failures) console.error(failure);
  process.exit(1);
}
