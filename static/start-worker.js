// The page's helper while it starts (scripts/postbuild.mjs): sets up Intl, then compiles the wasm
// the page names, off the page's thread, and hands it over (null if it cannot).
//
// When the page also names the wasm's JavaScript (fetched meanwhile), the worker first runs the
// page's own start in a stand-in for the page: a window and a document that take every call and
// answer with themselves (0 or "" where a number or a text is read), a localStorage that holds
// nothing and no languages (so the start is the same for everyone: English, the worked example,
// no request).
// V8 compiles a wasm function on its first call, once for every instance of the module: so the
// page's tasks then find the functions they call compiled (about 1,200 on the Forecast page,
// which the page's thread compiled itself, ~50 ms of its first tasks with the CPU slowed as on a
// phone). The module is handed over once the start's first task has run here; the worker builds
// the page's later slices meanwhile, and closes when no timer of the start is left (or after 2 s).
//
// The stand-in keeps nothing and sends nothing. Looking for an element or a stored item finds
// none, so a loop that looks for one ends; `budget` stops a run that would loop on the stand-in anyway (a throw out of
// the wasm, caught here). A run that fails still hands the module over, and runs no more.
{
  new Intl.NumberFormat('en').format(1);
  new Date(0).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
  let budget = 1e5;
  const stand = new Proxy(function () {}, {
    get: (_, key) => {
      if (--budget < 0) throw 0;
      // "" as a number is 0.
      return key == Symbol.toPrimitive
        ? () => ''
        : key == 'then'
          ? undefined
          : key == 'querySelector' || key == 'getItem'
            ? () => null
            : stand;
    },
    apply: () => stand,
    construct: () => stand,
  });
  const timer = setTimeout;
  Object.defineProperty(self, 'navigator', { value: stand });
  Object.assign(self, {
    Window: stand,
    Element: stand,
    HTMLElement: stand,
    document: stand,
    history: stand,
    localStorage: stand,
    // The start's next slice, at once; a timer with a delay (a notice's) never runs here.
    setTimeout: (run, ms) =>
      ms ||
      queueMicrotask(() => {
        try {
          budget > 0 && run();
        } catch (e) {
          budget = 0;
        }
      }),
  });
  onmessage = async (event) => {
    let module = null;
    try {
      const [wasm, glue] = event.data;
      const bindings = glue ? import(glue).catch(() => null) : null;
      module = await WebAssembly.compileStreaming(fetch(wasm));
      (await bindings)?.initSync({ module });
      // The slices run as microtasks: by the next task they are all built.
      await new Promise((go) => timer(go));
    } catch (e) {}
    postMessage(module);
    close();
  };
}
