// Funnel Planner's service worker, written by scripts/postbuild.mjs from scripts/lib/sw-template.js.
// Every file of every entry is cached on install; the page is then served from the cache, so the
// app and the embed load and work with the network off. A new version waits until the page asks
// for it (the person clicked "Reload"): nothing reloads while someone types.
const VERSION = '__VERSION__';
const FILES = '__FILES__';
const PREFIX = 'funnel-planner-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  // `reload`: the files of this version, never an older copy from the HTTP cache.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const isPage = request.mode === 'navigate';
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // A page's query (the embed's settings) and fragment (the open plan) do not change its file.
      const cached = await cache.match(request, { ignoreSearch: isPage });
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch (error) {
        // Offline and not cached: a page falls back to the Plan page.
        const fallback = isPage ? await cache.match('./') : undefined;
        if (fallback) return fallback;
        throw error;
      }
    })(),
  );
});
