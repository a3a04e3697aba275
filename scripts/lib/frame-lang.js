// Inlined into each page's <head> by scripts/postbuild.mjs (the policy allows it by its hash),
// without these comments and its indentation: every byte counts in the page's first load, so the
// names are short. The page's HTML shows its header in English before the wasm runs (`site
// frame`); a page that will be shown in another language hides it instead, so nobody sees English
// give way to their language. The choice follows the wasm's (src/ui/shell.rs `mount`): the last
// `?lang=` (l), else the language chosen in this browser, else the first of the browser's
// languages (n) the planner speaks (s: a tag's language if spoken, else ""), else English.
(function () {
var s = function (t) { t = String(t || '').trim().split(/[-_]/)[0].toLowerCase(); return ['en', 'id', 'pl', 'fr'].indexOf(t) < 0 ? '' : t; };
var q = new URLSearchParams(location.search).getAll('lang'), l = q.length ? s(q[q.length - 1]) : '';
if (!l) try { l = s(localStorage.getItem('funnel-planner/lang')); } catch (e) {}
for (var n = navigator.languages || [navigator.language], i = 0; !l && i < n.length; i++) l = s(n[i]);
if (l && l != 'en') document.documentElement.classList.add('frame-hidden');
})();
