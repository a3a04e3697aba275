// The page's helper while it starts (scripts/postbuild.mjs): sets up Intl, then compiles the wasm
// the page names, off the page's thread, and hands it over (null if it cannot).
//
// When the page also names the wasm's JavaScript (fetched meanwhile), the worker first runs the
// page's own start in a stand-in for the page: a window and a document that take every call and
// answer with themselves (0 or "" where a number or a text is read), a localStorage that holds
// nothing and no languages (so the start is the same for everyone: English, the worked example,
// and that path asks the network for nothing: the page's texts are given to it, see `FT` below). V8 compiles a wasm function on its first call,
// once for every instance of the module: so the page's tasks then find the functions they call
// compiled (1,054 on the Plan page and 1,178 on Forecast, which the page's thread compiled
// itself). The start's slices run here at once, one after the other; the module is handed over
// once the last is built, and the worker closes.
//
// The stand-in keeps nothing. `querySelector` and `getItem` find nothing, so the loops that look
// for an element or a stored item end. A run stops, and the module is handed over as it is, when
// it throws (an error here, or the panic it may cause, is the worker's: never reported to the
// page, whose console the worker's shares), when it has read the stand-in's
// properties `budget` times (a loop on the stand-in), or `deadline` ms after it began (a chain of
// slices that would not end).
{
  new Intl.NumberFormat('en').format(1);
  new Date(0).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
  let budget = 1e5;
  let deadline = Infinity;
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
    // A panic's message (a run stopped, see above) is the worker's too.
    console: stand,
    // The start's next slice, at once; a timer with a delay (a notice's) never runs here. Its
    // handle is 0, which cancels nothing.
    setTimeout: (run, ms) => (
      ms ||
        queueMicrotask(() => {
          try {
            budget > 0 && performance.now() < deadline && run();
          } catch (e) {
            budget = 0;
          }
        }),
      0
    ),
    // An error the run throws in a task or microtask of its own stops the run, unreported.
    onerror: () => !(budget = 0),
  });
  // The page's texts, which the loader sends once they have come (null if they could not).
  let given;
  const texts = new Promise((go) => (given = go));
  onmessage = async (event) => {
    if (!Array.isArray(event.data)) return given(event.data);
    let module = null;
    try {
      const [wasm, glue, english] = event.data;
      const bindings = glue ? import(glue).catch(() => null) : null;
      module = await WebAssembly.compileStreaming(fetch(wasm));
      const init = (await bindings)?.initSync;
      // The stand-in's start asks for the page's English file: it finds the page's texts there
      // at once (the text itself: a response's body would be read in a later task, after this
      // run), as the page finds the loader's response (`FT`), so it does not wait for the
      // network.
      const text = english && (await texts);
      if (text) self.FT = { [english]: Promise.resolve(text) };
      deadline = performance.now() + 2e3;
      init?.({ module });
      // The slices run as microtasks: by the next task they are all built.
      await new Promise((go) => timer(go));
    } catch (e) {}
    postMessage(module);
    close();
  };
}
