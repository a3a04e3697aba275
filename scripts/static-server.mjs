// A minimal static file server for dist/, bound to loopback: used by the end-to-end tests and the
// benchmark, so they need nothing beyond Node. Usage: node scripts/static-server.mjs DIR PORT [--brotli]
//
// Default: every file as is, `Cache-Control: no-cache` (the end-to-end tests rely on this).
// --brotli (or STATIC_SERVER_BROTLI=1): serve as a CDN would, for the Lighthouse figures in the
// bench: text, JS, CSS, wasm, JSON, SVG and the manifest brotli-compressed (quality 11, once per
// file version, kept in memory; DIR's files before the server answers) when the request accepts
// `br`; hashed files (a `-<16 hex>` content hash in the name, as Trunk writes them) `public,
// max-age=31536000, immutable`, the rest `no-cache` with an ETag, so a revisit revalidates them.
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 8091);
const brotli = process.argv.slice(4).includes('--brotli') || process.env.STATIC_SERVER_BROTLI === '1';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};
// Already-compressed formats (PNG, ICO) gain nothing from brotli.
const compressible = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.webmanifest', '.txt']);
const HASHED = /-[0-9a-f]{16}(?=[._])/;
/** file path → { key (size and mtime), etag, brotli body }: compressed once per version of a file. */
const compressed = new Map();

/** True when Accept-Encoding lists `br` (or `*`) with a q above 0. */
function acceptsBrotli(header) {
  return String(header ?? '')
    .split(',')
    .some((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      return (name.trim() === 'br' || name.trim() === '*') && (q === undefined || Number(q.slice(2)) > 0);
    });
}

/** The brotli body of `file` as it is now (size and mtime `key`), compressed on first use. */
async function compressedBody(file, key) {
  let entry = compressed.get(file);
  if (entry?.key !== key) {
    const raw = await readFile(file);
    entry = { key, body: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }) };
    compressed.set(file, entry);
  }
  return entry.body;
}

async function serveLikeCdn(request, response, file) {
  const info = await stat(file);
  if (!info.isFile()) throw new Error('not a file');
  const extension = extname(file);
  const name = file.slice(file.lastIndexOf('/') + 1);
  const key = `${info.size}-${info.mtimeMs}`;
  const etag = `"${info.size.toString(16)}-${Math.round(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': types[extension] ?? 'application/octet-stream',
    'Cache-Control': HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
  };
  const isCompressible = compressible.has(extension);
  if (isCompressible) headers.Vary = 'Accept-Encoding';
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers).end();
    return;
  }
  let body;
  if (isCompressible && acceptsBrotli(request.headers['accept-encoding'])) {
    body = await compressedBody(file, key);
    headers['Content-Encoding'] = 'br';
  } else {
    body = await readFile(file);
  }
  headers['Content-Length'] = body.length;
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

// Every file of the folder is compressed before the server answers: compressing one takes the
// server's only thread for up to ~1 s, and a measured load must not wait behind another load's
// file (the service worker's precache asks for all of them).
if (brotli) {
  for (const name of await readdir(root)) {
    const file = join(root, name);
    const info = await stat(file);
    if (info.isFile() && compressible.has(extname(file))) await compressedBody(file, `${info.size}-${info.mtimeMs}`);
  }
}

createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if (brotli) {
      await serveLikeCdn(request, response, file);
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}/${brotli ? ' (brotli, CDN cache headers)' : ''}`));
