// The app's own texts, read from its message catalogue (src/i18n/<lang>.rs), so a spec can find
// a field by the label a Polish or French reader sees without copying every translation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Lang = 'en' | 'id' | 'pl' | 'fr';
export const LANGS: Lang[] = ['en', 'id', 'pl', 'fr'];
/** Each language named in itself, as the language menu lists it. */
export const OWN_NAMES: Record<Lang, string> = {
  en: 'English',
  id: 'Bahasa Indonesia',
  pl: 'Polski',
  fr: 'Français',
};

const cache = new Map<Lang, Map<string, string>>();

function unescape(text: string): string {
  return text.replace(/\\(["\\])/g, '$1');
}

/** Every text of `lang`, by key. */
function catalogue(lang: Lang): Map<string, string> {
  const cached = cache.get(lang);
  if (cached) return cached;
  const source = readFileSync(join(__dirname, '..', '..', '..', 'src', 'i18n', `${lang}.rs`), 'utf8');
  // en.rs lists `Key => "text",` inside its macro; the others `Key::Key => "text",` in a match.
  const line = /^\s+(?:Key::)?(\w+) => "((?:[^"\\]|\\.)*)",$/gm;
  const texts = new Map<string, string>();
  for (const match of source.matchAll(line)) texts.set(match[1], unescape(match[2]));
  cache.set(lang, texts);
  return texts;
}

/**
 * The text of `key` in `lang` with its `{placeholders}` filled from `args`; for a plural text,
 * the form at `form` (0 = the language's first category).
 */
export function t(lang: Lang, key: string, args: Record<string, string> = {}, form = 0): string {
  const template = catalogue(lang).get(key);
  if (template === undefined) throw new Error(`no text ${key} in ${lang}`);
  const chosen = template.split('|')[form] ?? template;
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);
}
