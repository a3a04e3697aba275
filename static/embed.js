// Funnel Planner's embed script, for the page that embeds the calculator: it sizes each
// <iframe data-funnel-planner> to the calculator's height. It trusts a message only from the
// window of such a frame, from the origin of that frame's own address, and only in the expected
// shape; it reads nothing else and changes nothing but the frame's height.
(() => {
  'use strict';
  const TYPE = 'funnel-planner:resize';
  const MAX_HEIGHT = 20000;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== TYPE) return;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    for (const frame of document.querySelectorAll('iframe[data-funnel-planner]')) {
      if (frame.contentWindow !== event.source) continue;
      let origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch {
        continue;
      }
      if (event.origin !== origin) continue;
      frame.style.height = `${Math.ceil(height)}px`;
    }
  });
})();
