// A blog on another origin, for the embed's tests: a small HTTP server on a free loopback port
// that serves one page with the snippet "Embed this calculator" gives (an iframe and embed.js).
import { createServer, type Server } from 'node:http';

export type Host = { origin: string; close: () => Promise<void> };

/**
 * The blog's port: the app's port + 100 + the worker's index, so that each worker has its own
 * and a spec can name the origin before the server starts (the guard allows it).
 */
export function hostPort(workerIndex: number): number {
  return Number(process.env.E2E_PORT ?? 8091) + 100 + workerIndex;
}

/** Serves `body` (the blog post's HTML) at `/` on `port` of 127.0.0.1. */
export async function startHost(body: string, port: number): Promise<Host> {
  const server: Server = createServer((request, response) => {
    if (request.url === '/' || request.url?.startsWith('/?')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A blog post that embeds the calculator at `appOrigin` with `query`, as the snippet does. */
export function blogPost(appOrigin: string, query = ''): string {
  const src = `${appOrigin}/embed.html${query ? `?${query}` : ''}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Our marketing blog</title></head>
<body><main><h1>Plan your funnel</h1><p>Try the calculator below.</p>
<iframe src="${src}" title="Funnel calculator" data-funnel-planner style="width:100%;height:300px;border:0"></iframe>
<script src="${appOrigin}/embed.js" async></script>
<p>After the calculator.</p></main></body></html>`;
}
