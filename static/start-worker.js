// The page's helper while it starts (scripts/postbuild.mjs): sets up Intl, then compiles the wasm
// the page names, off the page's thread, and hands it over (null if it cannot). When the page also
// names the wasm's JavaScript (fetched meanwhile), the worker first runs the module once: its
// start, outside a page, runs the part of the page's start that needs no page (src/ui/shell.rs,
// warm_up). V8 compiles a wasm function on its first call, once for all instances of the module,
// so the page's first task then finds those functions compiled. A failure there still hands the
// module over.
new Intl.NumberFormat('en').format(1);
new Date(0).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
onmessage = async (event) => {
  let module = null;
  try {
    const [wasm, glue] = event.data;
    const bindings = glue ? import(glue).catch(() => null) : null;
    module = await WebAssembly.compileStreaming(fetch(wasm));
    (await bindings)?.initSync({ module });
  } catch (e) {}
  postMessage(module);
  close();
};
