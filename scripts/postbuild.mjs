// After Trunk has built every entry into DIR (scripts/build.sh): adds the files Trunk does not
// make, and makes the pages strict and offline-ready. Usage: node scripts/postbuild.mjs DIR
//   1. copies static/ (manifest, SVG icon, embed.js, register-sw.js, start-worker.js) and draws
//      the PNG icons;
//      minifies each page's wasm-bindgen JavaScript (Trunk leaves it as written: ~1.7 KB brotli
//      of each first load were comments and spaces), without the stream classes nothing uses;
//   2. writes into each page what it shows before its wasm runs (its header; the embed's first
//      screen, fields empty: by the crate's `site frame`), the script that hides it on a page in
//      another language (or an embed in another look);
//      replaces Trunk's loader by one at the end of <body> that starts the worker (sets up Intl,
//      compiles the wasm off the page's thread and, on the full app's pages, runs the page's
//      start there in a stand-in for the page) and asks for the wasm once the frame is painted;
//      minifies the inline scripts, then gives every page a Content-Security-Policy <meta> whose
//      script-src allows them by their SHA-256 hashes (no 'unsafe-inline'), and the service
//      worker's registration;
//   3. writes the catalogue files the pages load for their languages (from the typed catalogues,
//      by the crate's `site` tool: scripts/lib/site.mjs);
//   4. writes sw.js: precaches every file of every entry under a version hashed from their
//      contents, so a deploy that changes any byte is a new version.
// Node and cargo, no dependencies; deterministic (the same input gives the same bytes).
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { frame, writeCatalogues } from './lib/site.mjs';
import { drawIcon } from './lib/icon-png.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/postbuild.mjs DIR');
  process.exit(2);
}

// 1. Static files and icons.
// The scripts every page loads are minified (their comments are for this repository's readers).
const minifiedStatic = ['register-sw.js', 'start-worker.js'];
for (const name of readdirSync('static')) {
  if (!minifiedStatic.includes(name)) copyFileSync(join('static', name), join(dir, name));
  else writeFileSync(join(dir, name), transformSync(readFileSync(join('static', name), 'utf8'), { minify: true, legalComments: 'none' }).code);
}
// The pages' icon is a PNG: an SVG icon is parsed as a document of its own on the page's thread
// (30–90 ms with the CPU slowed 4×, while the page starts). The SVG stays in the manifest.
for (const size of [32, 192, 512]) writeFileSync(join(dir, `icon-${size}.png`), drawIcon(size));

// 1b. The wasm-bindgen JavaScript, minified (esbuild: names inside the module shortened, its
// exports and the wasm's import names kept): the `<stem>.js` beside each `<stem>_bg.wasm` (Trunk's
// hash in the stem may have fewer than 16 digits). Trunk's preload of it, with its integrity
// hash, is dropped from each page below.
//
// Leptos always builds its server functions' browser client, whose streams (wasm-streams) export
// three classes to JavaScript: IntoUnderlyingByteSource, IntoUnderlyingSink and
// IntoUnderlyingSource, for Rust streams handed to a ReadableStream or WritableStream. This app
// has no server and makes no such stream: nothing creates them (wasm-bindgen would then import a
// `__wrap` of them), and each first load carried 0.3 KB brotli of them. They are dropped with
// their finalizers and the one enum only they use; the build fails if anything still names them.
const withoutUnusedStreams = (code, name) => {
  const stripped = code
    .replace(/export class (IntoUnderlying\w+) \{[\s\S]*?\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/g, '')
    .replace(/const __wbindgen_enum_ReadableStreamType = \["bytes"\];\n/, '')
    .replace(/const IntoUnderlying\w+Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n.*\n.*\n/g, '');
  if (/IntoUnderlying|ReadableStreamType/.test(stripped)) {
    throw new Error(`${name}: the streams' classes are still named after stripping them (has wasm-bindgen changed its output?)`);
  }
  return stripped;
};
const glue = readdirSync(dir)
  .filter((file) => file.endsWith('_bg.wasm'))
  .map((wasm) => wasm.replace(/_bg\.wasm$/, '.js'));
for (const name of glue) {
  const path = join(dir, name);
  const source = readFileSync(path);
  const code = withoutUnusedStreams(source.toString('utf8'), name);
  const minified = transformSync(code, { minify: true, format: 'esm', legalComments: 'none' }).code;
  writeFileSync(path, minified);
  console.log(`[postbuild] ${name}: minified, ${source.length} → ${Buffer.byteLength(minified)} bytes`);
}

// 2. The policy. 'wasm-unsafe-eval' lets the page compile its WebAssembly and nothing else;
// styles come only from the stylesheet (the embed's accent is set through the CSSOM, which a
// style-src without 'unsafe-inline' allows).
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const pages = readdirSync(dir).filter((name) => name.endsWith('.html')).sort();
// The script that hides the English frame on a page shown in another language, or on an embed
// whose link asks for a look the frame does not have (minified below with the page's other
// inline scripts).
const frameLang = readFileSync('scripts/lib/frame-lang.js', 'utf8');
// The catalogues: every page's texts in each language, English too (no page's wasm carries
// them).
console.log(`[postbuild] catalogues: ${writeCatalogues(dir).join(', ')}`);
// The file of a page's texts in language `%` (as `Page::catalogue_file` names it).
const catalogueOf = (page) => (page === 'index.html' ? 'i18n-%.txt' : `i18n-%-${page.replace(/\.html$/, '')}.txt`);
for (const page of pages) {
  const path = join(dir, page);
  let html = readFileSync(path, 'utf8');
  if (html.includes('Content-Security-Policy')) throw new Error(`${page} already has a policy: built twice?`);
  // What the page shows before its wasm runs (its header; the embed's first screen), after
  // <noscript> as the page's own parts come; and in <head>, the script that hides it when the
  // page will not look like it.
  const shown = frame(page.replace(/\.html$/, ''));
  const isEmbed = page === 'embed.html';
  if (shown) {
    if (!html.includes('</noscript>')) throw new Error(`${page}: no <noscript> to put the frame after`);
    html = html.replace('</noscript>', `</noscript>${shown}`);
    if (!frameLang.includes('EMBED')) throw new Error('frame-lang.js: no EMBED to set');
    html = html.replace(/(<meta charset="?utf-8"?\s*\/?>)/i, `$1<script>${frameLang.replaceAll('EMBED', String(isEmbed))}</script>`);
    // The wasm's download starts once the frame is painted (below), not with the page: a
    // download begun before the first paint counts as holding it back in Lighthouse's model of a
    // slow phone (the Plan page's largest paint was 2.10 s with Trunk's preload of the wasm, 0.98 s
    // without). What it costs a real phone is the time from the stylesheet's arrival to the first
    // paint.
    const preload = /<link as=fetch crossorigin href=\.\/[^ >]+_bg\.wasm [^>]*rel=preload type=application\/wasm>/;
    if (!preload.test(html)) throw new Error(`${page}: no preload of the wasm found (has Trunk changed its output?)`);
    html = html.replace(preload, '');
  }
  // Trunk's preload of the wasm's JavaScript: the loader below imports that script once the page
  // is read, while the worker fetches and compiles the wasm, which the script needs before it can
  // run. The preload would start it sooner, but before the first paint, and its integrity hash
  // (64 characters that do not compress) was 0.1 KB of every first load. The script comes from
  // the page's own origin, which the policy's script-src already requires.
  const modulePreload = /<link crossorigin href=\.\/[^ >]+\.js integrity=sha384-[^ >]+ rel=modulepreload>/;
  if (!modulePreload.test(html)) throw new Error(`${page}: no modulepreload of the wasm's JavaScript found (has Trunk changed its output?)`);
  html = html.replace(modulePreload, '');
  // Trunk's loader, rewritten. Every page starts a worker (static/start-worker.js), which does off
  // the page's thread two things the page's first tasks did:
  //   - it sets up the browser's number and date formatting: the first Intl.NumberFormat a page
  //     makes costs ~30 ms on the thread that asks first (~120 ms on a phone), ~0.4 ms once a
  //     worker of the page has made one;
  //   - it compiles the wasm and hands the module over (then only instantiated here): the
  //     streaming compile read the whole download on the page's thread, ~25 ms of the first wasm
  //     task on this machine. Without a worker, or if it fails, the loader fetches the wasm itself.
  // The loader is a script at the end of <body>, so it runs once the page is read and its
  // stylesheets have come. It starts the worker at once and imports the wasm's JavaScript
  // meanwhile. Trunk's loader was a module that imported that script before anything else: the
  // page asked for its wasm 100-250 ms after its first paint on a CPU slowed 4×.
  // A page with a frame waits for it to be painted before asking for the wasm, the worker's way
  // or its own, so that the first paint never waits for the mount (a fast load would otherwise
  // run it first), and a download begun before the first paint counts as holding it back in
  // Lighthouse's model (above). A hidden tab (or an embed's frame out of sight) paints nothing:
  // there the wasm is asked for after 200 ms.
  // Trunk's loader also handed the wasm's bindings to `window.wasmBindings` and sent
  // `TrunkApplicationStarted`: nothing here uses either.
  const loader = /<script type=module>import init, \* as bindings from ('[^']+\.js');\s*const wasm = await init\(\{ module_or_path: ('[^']+_bg\.wasm') \}\);\s*window\.wasmBindings = bindings;\s*dispatchEvent\(new CustomEvent\("TrunkApplicationStarted", \{detail: \{wasm\}\}\)\);<\/script>/;
  const [, glue, wasm] = html.match(loader) ?? [];
  if (!wasm) throw new Error(`${page}: Trunk's loader is not as expected (has Trunk changed its output?)`);
  html = html.replace(loader, '');
  const start = [
    `const url = ${wasm};`,
    shown
      ? 'const painted = new Promise((go) => { requestAnimationFrame(() => setTimeout(go, 0)); setTimeout(go, 200); });'
      : 'const painted = Promise.resolve();',
    // The texts of the language the frame's script chose (`FL`: the wasm chooses the same way),
    // fetched beside the wasm instead of after it has started: the wasm takes the response from
    // `FT[file]` when it asks for that file (src/ui/browser.rs `prefetched`). Named as the wasm names
    // it (`Page::catalogue_file`); a name that differed would only be fetched twice.
    shown
      ? `const texts = self.FL && ${JSON.stringify(catalogueOf(page))}.replace('%', self.FL), words = texts && painted.then(() => fetch(texts)); if (texts) self.FT = { [texts]: words };`
      : 'const words = null;',
    'let worker;',
    "try { worker = new Worker('start-worker.js'); } catch (e) {}",
    'const module = new Promise((got) => {',
    // A worker that cannot start, whose script fails to load or whose answer cannot be read
    // leaves the page to fetch its wasm itself.
    '  const alone = () => painted.then(() => got(url));',
    '  if (!worker) return alone();',
    '  worker.onmessage = (event) => got(event.data || url);',
    '  worker.onerror = worker.onmessageerror = alone;',
    // The full app's pages also name the wasm's JavaScript: the worker runs the page's start once
    // in a stand-in for the page, so that the page's tasks find the wasm functions they call
    // compiled. The embed's start is small and its worker only compiles. The stand-in's start is
    // in English, and asks for the page's English file: the worker gives it the texts fetched
    // here under that name once they come (another language's have the same lines, and the same
    // functions fill them), so that its start does not wait for the network.
    isEmbed
      ? '  painted.then(() => worker.postMessage([url]));'
      : `  painted.then(() => worker.postMessage([url, ${glue}, words && ${JSON.stringify(catalogueOf(page).replace('%', 'en'))}]));\n  words && words.then((r) => (r.ok ? r.clone().text() : null)).catch(() => null).then((text) => worker.postMessage(text));`,
    '});',
    `import(${glue}).then(async (bindings) => bindings.default({ module_or_path: await module }));`,
  ].join('\n');
  if (!html.includes('</body>')) throw new Error(`${page}: no </body> to put the loader before`);
  html = html.replace('</body>', `<script>{${start}}</script></body>`);
  // The inline scripts (the loader, the frame's language), minified like the static ones.
  html = html.replace(/(<script(?![^>]*\bsrc=)[^>]*>)([\s\S]*?)(<\/script>)/g, (_, open, code, close) => {
    return `${open}${transformSync(code, { minify: true, legalComments: 'none' }).code.trim()}${close}`;
  });
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  if (inline.length === 0) throw new Error(`${page}: no inline loader found (has Trunk changed its output?)`);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inline.map(sha256).join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const register = '<script src="register-sw.js" defer></script>';
  // The policy must come before anything it governs: right after the charset (the minified page
  // has no </head>; a deferred script runs after the page is parsed wherever it stands).
  html = html.replace(/(<meta charset="?utf-8"?\s*\/?>)/i, `$1${meta}${register}`);
  if (!html.includes(meta)) throw new Error(`${page}: no <meta charset> to put the policy after`);
  writeFileSync(path, html);
  console.log(`[postbuild] ${page}: ${policy}`);
}

// 4. The service worker. "./" is the Plan page as a folder address (how the app is opened).
const files = readdirSync(dir)
  .filter((name) => name !== 'sw.js' && statSync(join(dir, name)).isFile())
  .sort();
const version = createHash('sha256');
for (const name of files) version.update(name).update(readFileSync(join(dir, name)));
const VERSION = version.digest('hex').slice(0, 16);
const template = readFileSync('scripts/lib/sw-template.js', 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(VERSION))
  .replace("'__FILES__'", JSON.stringify(['./', ...files]));
// Minified like the other scripts every page loads: 0.3 KB brotli less on each first load.
writeFileSync(join(dir, 'sw.js'), transformSync(sw, { minify: true, legalComments: 'none' }).code);
console.log(`[postbuild] sw.js: version ${VERSION}, ${files.length + 1} files precached`);
