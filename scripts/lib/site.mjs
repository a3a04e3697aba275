// The site's pages as the crate lists them (src/pages.rs, printed by `cargo run --bin site`), so
// the build and size scripts keep no list of their own; and the catalogue files, written by the
// same tool from the typed catalogues.
import { execFileSync } from 'node:child_process';

const site = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'site', '--', ...args], { encoding: 'utf8' });

/** Every page: { entry, html, bin, feature, budget, stylesheet } (feature and stylesheet may be null). */
export function pages() {
  return site('pages')
    .trim()
    .split('\n')
    .map((line) => {
      const [entry, bin, feature, budget, stylesheet] = line.split(' ');
      return {
        entry,
        html: `${entry}.html`,
        bin,
        feature: feature === '-' ? null : feature,
        budget: Number(budget),
        stylesheet: stylesheet === '-' ? null : stylesheet,
      };
    });
}

/** Writes every catalogue file into `dir`; returns their names. */
export function writeCatalogues(dir) {
  return site('catalogues', dir).trim().split('\n');
}

/** The HTML a page shows before its wasm runs, in English (its header; the embed's first screen). */
export function frame(entry) {
  return site('frame', entry).trim();
}
