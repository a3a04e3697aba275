// Writes the catalogue files the pages load (see src/i18n/loaded.rs): for each language, one line
// per text in the order of the keys in src/i18n/en.rs. The typed catalogues in src/i18n/*.rs are
// the source (a key missing there does not compile; tests/i18n_catalogue.rs checks that every
// line this reads is the text the code compiles). Files:
//   i18n-<id|pl|fr>.txt          every text, for the full app (its English is built in);
//   i18n-<en|id|pl|fr>-embed.txt the embed's texts only (src/i18n/embed_keys.rs), other lines empty;
//   i18n-<id|pl|fr>.txt          has empty lines for the Results area's own texts (the keys between
//                                the RESULTS-ONLY marks in en.rs), which only
//   i18n-<id|pl|fr>-results.txt  the Results page's file, has (with every other text).
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

/** Writes every catalogue file into `dir`; returns their names. */
export function writeCatalogues(dir) {
  const english = readCatalogue('en');
  const keys = [...english.keys()];
  const embedKeys = new Set(
    [...readFileSync(join('src', 'i18n', 'embed_keys.rs'), 'utf8').matchAll(/Key::(\w+),/g)].map((m) => m[1]),
  );
  const enSource = readFileSync(join('src', 'i18n', 'en.rs'), 'utf8');
  const resultsBlock = enSource.slice(enSource.indexOf('RESULTS-ONLY begin'), enSource.indexOf('RESULTS-ONLY end'));
  const resultsOnly = new Set([...resultsBlock.matchAll(ARM)].map((match) => match[1]));
  if (resultsOnly.size === 0) throw new Error('en.rs: no RESULTS-ONLY block');
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
      writeFileSync(join(dir, name), `${keys.map((key) => (resultsOnly.has(key) ? '' : line(key))).join('\n')}\n`);
      written.push(name);
      const results = `i18n-${lang}-results.txt`;
      writeFileSync(join(dir, results), `${keys.map(line).join('\n')}\n`);
      written.push(results);
    }
    const name = `i18n-${lang}-embed.txt`;
    writeFileSync(join(dir, name), `${keys.map((key) => (embedKeys.has(key) ? line(key) : '')).join('\n')}\n`);
    written.push(name);
  }
  return written;
}
