// Inlined into each page's <head> by scripts/postbuild.mjs (the policy allows it by its hash).
// The page's HTML shows its header in English before the wasm runs (`site frame`); a page that
// will be shown in another language hides it instead, so nobody sees English give way to their
// language. The choice follows the wasm's (src/ui/shell.rs `mount`): the last `?lang=`, else the
// language chosen in this browser, else the first of the browser's languages the planner speaks,
// else English.
(function () {
  var spoken = function (tag) {
    var primary = String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
    return ['en', 'id', 'pl', 'fr'].indexOf(primary) < 0 ? '' : primary;
  };
  var asked = new URLSearchParams(location.search).getAll('lang');
  var lang = asked.length ? spoken(asked[asked.length - 1]) : '';
  if (!lang) {
    try {
      lang = spoken(localStorage.getItem('funnel-planner/lang'));
    } catch (blocked) {
      lang = '';
    }
  }
  var preferred = navigator.languages || [navigator.language];
  for (var index = 0; !lang && index < preferred.length; index += 1) lang = spoken(preferred[index]);
  if (lang && lang !== 'en') document.documentElement.classList.add('frame-hidden');
})();
