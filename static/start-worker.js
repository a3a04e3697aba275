// The page's helper while it starts (scripts/postbuild.mjs): sets up Intl, then compiles the wasm
// the page names, off the page's thread, and hands it over (null if it cannot).
new Intl.NumberFormat('en').format(1);
new Date(0).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
onmessage = (event) => WebAssembly.compileStreaming(fetch(event.data))
  .then((module) => postMessage(module), () => postMessage(null))
  .finally(() => close());
