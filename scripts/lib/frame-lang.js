// Inlined into each page's <head> by scripts/postbuild.mjs (the policy allows it by its hash),
// without these comments and its indentation: every byte counts in the page's first load, so the
// names are short. The page's HTML shows its frame in English before the wasm runs (`site
// frame`); a page that will be shown in another language hides it instead, so nobody sees English
// give way to their language. The choice follows the wasm's (src/ui/shell.rs `mount`): the last
// `?lang=` (l), else the language chosen in this browser (not in the embed, which never reads
// storage), else the first of the browser's languages (n) the planner speaks (s: a tag's language
// if spoken, else ""), else English.
// EMBED is replaced by postbuild: true in the embed, false elsewhere (its code then dropped).
// The embed's frame shows its form as it looks by default with the goal planned from revenue,
// so it is hidden too when the link asks for anything else: an accent colour, only some parts
// (`show`), a goal in customers. A theme the link names (light or dark, as src/model/embed.rs
// reads it) is set at once, as the wasm will.
(function () {
var s = function (t) { t = String(t || '').trim().split(/[-_]/)[0].toLowerCase(); return ['en', 'id', 'pl', 'fr'].indexOf(t) < 0 ? '' : t; };
var p = new URLSearchParams(location.search), q = p.getAll('lang'), l = q.length ? s(q[q.length - 1]) : '', r = document.documentElement;
if (!l && !EMBED) try { l = s(localStorage.getItem('funnel-planner/lang')); } catch (x) {}
for (var n = navigator.languages || [navigator.language], i = 0; !l && i < n.length; i++) l = s(n[i]);
if (EMBED) {
  q = String(p.getAll('theme').pop() || '').trim().toLowerCase();
  if (q == 'light' || q == 'dark') r.setAttribute('data-theme', q);
  if (p.has('accent') || p.has('show') || p.has('customers')) r.classList.add('frame-hidden');
}
if (l && l != 'en') r.classList.add('frame-hidden');
self.FL = l || 'en';
})();
