// Writes the catalogue files the pages load (see src/i18n/loaded.rs): for each language, one line
// per text in the order of the keys in src/i18n/en.rs. The typed catalogues in src/i18n/*.rs are
// the source (a key missing there does not compile; tests/i18n_catalogue.rs checks that every
// line this reads is the text the code compiles). en.rs has a block of keys per page with texts
// only that page shows (between its marks @plan_only, @channels_only, @results_only,
// @review_only, @forecast_only and @end).
// Files (a text a file leaves out is an empty line):
//   i18n-<id|pl|fr>.txt                           the texts every page shows and the Plan page's
//                                                 own, for the Plan page (its English is built in);
//                                                 no other page's own texts;
//   i18n-<id|pl|fr>-<channels|results|review|forecast>.txt the texts every page shows, and that page's own (not the
//                                                 other pages');
//   i18n-<en|id|pl|fr>-embed.txt                  the embed's texts only (src/i18n/embed_keys.rs).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ARM = /^\s+(?:Key::)?([A-Z]\w*) => "((?:[^"\\]|\\.)*)",$/gm;

/** The texts of `lang` by key, read from src/i18n/<lang>.rs (Rust escapes \" and \\ undone). */
export function readCatalogue(lang) {
  const source = readFileSync(join('src', 'i18n', `${lang}.rs`), 'utf8');
  const texts = new Map();
  for (const [, key, text] of source.matchAll(ARM)) texts.set(key, text.replace(/\\(["\\])/g, '$1'));
  return texts;
}

/** The keys of each page's own block in en.rs's `source`, by page (its cargo feature). */
export function pageBlocks(source) {
  // The marks as the catalogue uses them, after the macro's definition (which names them too).
  const body = source.slice(source.indexOf('catalogue! {'));
  const marks = ['@plan_only', '@channels_only', '@results_only', '@review_only', '@forecast_only', '@end'];
  const at = marks.map((mark) => {
    const found = [...body.matchAll(new RegExp(`^\\s+${mark}$`, 'gm'))];
    if (found.length !== 1) throw new Error(`en.rs: ${found.length} lines with ${mark}, not one`);
    return found[0].index;
  });
  if (at.some((index, i) => i > 0 && index < at[i - 1])) throw new Error(`en.rs: the marks are not in the order ${marks.join(' ')}`);
  return new Map(
    marks.slice(0, -1).map((mark, i) => [
      mark.slice(1, -'_only'.length),
      new Set([...body.slice(at[i], at[i + 1]).matchAll(ARM)].map((match) => match[1])),
    ]),
  );
}

/** Writes every catalogue file into `dir`; returns their names. */
export function writeCatalogues(dir) {
  const english = readCatalogue('en');
  const keys = [...english.keys()];
  const embedKeys = new Set(
    [...readFileSync(join('src', 'i18n', 'embed_keys.rs'), 'utf8').matchAll(/Key::(\w+),/g)].map((m) => m[1]),
  );
  const ownKeys = pageBlocks(readFileSync(join('src', 'i18n', 'en.rs'), 'utf8'));
  // The Plan page's own texts are in its file (`i18n-<lang>.txt`) and no other page's.
  const planKeys = ownKeys.get('plan');
  ownKeys.delete('plan');
  const anyPage = new Set([...ownKeys.values()].flatMap((keys) => [...keys]));
  const written = [];
  for (const lang of ['en', 'id', 'pl', 'fr']) {
    const texts = lang === 'en' ? english : readCatalogue(lang);
    const line = (key) => {
      const text = texts.get(key);
      if (text === undefined) throw new Error(`${lang}: no text for ${key}`);
      if (text.includes('\n')) throw new Error(`${lang}: ${key} has a line break`);
      return text;
    };
    if (lang !== 'en') {
      const name = `i18n-${lang}.txt`;
      writeFileSync(join(dir, name), `${keys.map((key) => (anyPage.has(key) ? '' : line(key))).join('\n')}\n`);
      written.push(name);
      for (const [page, own] of ownKeys) {
        const pageName = `i18n-${lang}-${page}.txt`;
        const wanted = (key) => own.has(key) || (!anyPage.has(key) && !planKeys.has(key));
        writeFileSync(join(dir, pageName), `${keys.map((key) => (wanted(key) ? line(key) : '')).join('\n')}\n`);
        written.push(pageName);
      }
    }
    const name = `i18n-${lang}-embed.txt`;
    writeFileSync(join(dir, name), `${keys.map((key) => (embedKeys.has(key) ? line(key) : '')).join('\n')}\n`);
    written.push(name);
  }
  return written;
}
