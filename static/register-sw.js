// Registers Funnel Planner's service worker (sw.js, written by the build) once the page has
// started, so the app and the embed load and work offline after one visit. A new version is never
// applied by itself: the page is told (event `funnel-planner:update-ready`, attribute
// `data-update-ready` on <html>) and shows "A new version is ready — Reload"; the page asks for it
// with `funnel-planner:apply-update`.
// A same-origin file rather than an inline script, so the Content-Security-Policy stays strict.
(() => {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  const announce = () => {
    document.documentElement.setAttribute('data-update-ready', '');
    window.dispatchEvent(new Event('funnel-planner:update-ready'));
  };
  let reloading = false;
  const register = async () => {
    let registration;
    try {
      registration = await navigator.serviceWorker.register('sw.js');
    } catch {
      // Storage blocked (a third-party frame, private mode): the page works online as before.
      return;
    }
    // A worker waiting from an earlier visit, or one found now, is a new version, but only if
    // an older one controls this page (the first install is not an update).
    const watch = (worker) => {
      if (!worker) return;
      const check = () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
      };
      check();
      worker.addEventListener('statechange', check);
    };
    watch(registration.waiting);
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    window.addEventListener('funnel-planner:apply-update', () => {
      const waiting = registration.waiting;
      if (!waiting) return;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloading) return;
        reloading = true;
        window.location.reload();
      });
      waiting.postMessage({ type: 'skip-waiting' });
    });
  };
  // Installing precaches every page's files (~1 MB): it waits for the page's start, whose last
  // slice sets `data-started` on <html> (src/ui/later.rs), so that those downloads never compete
  // with it (the Plan page's first field came up to ~1 s later on a CPU slowed 4× when they did).
  // A page whose wasm never starts does not register (one registered before still serves it, and
  // the browser still checks it for a new version, but this page shows no update notice).
  const root = document.documentElement;
  const started = new MutationObserver(() => {
    started.disconnect();
    register();
  });
  if (root.hasAttribute('data-started')) register();
  else started.observe(root, { attributeFilter: ['data-started'] });
})();
