/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild in astro.config.mjs): a page whose
 * key, code and rendered content entries are all as in the last build is copied from that build instead of
 * rendered again.
 *
 * Astro itself tracks the code a page imports and the content entries it renders (a report's body, and its
 * other languages' versions, whose headings the language switch compares). What it cannot see is what pages
 * read from files at build time, and the frontmatter of the other entries that lists, links and fallbacks
 * show. So a key holds the digest of all of those (siteInputs) and of the page's entries (entryPageKeys):
 * - the resolved site configuration (site.json with its environment overrides, UI dictionaries included),
 *   and every file of the config folder;
 * - every file of the data folder (charts, recommendations, sources, glossary, the translation ledger);
 * - the lockfile (fonts and their metrics come from npm packages);
 * - every content entry's id and frontmatter.
 * Editing one report's text re-renders that report (and its other languages); editing data, configuration
 * or any frontmatter re-renders every keyed page. Pages without a key are always rendered.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Adds every file under `dir` (sorted, with its path) to a hash. */
export function hashTree(hash: Hash, dir: string): void {
  if (!existsSync(dir)) return void hash.update(`absent ${dir}\n`);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(`${path.relative(dir, file)}\n`).update(readFileSync(file)).update('\n');
}

/** Digest of what every page may read besides its own entry (see above). */
export function inputsDigest(config: unknown, configDir: string, dataDir: string, lockfile: string, entries: { id: string; collection: string; data: unknown }[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(config)).update(`\nSITE_ENV=${process.env.SITE_ENV ?? ''}\n`);
  hashTree(hash, configDir);
  hashTree(hash, dataDir);
  hash.update(existsSync(lockfile) ? readFileSync(lockfile) : 'no lockfile');
  for (const entry of [...entries].sort((a, b) => `${a.collection}/${a.id}`.localeCompare(`${b.collection}/${b.id}`))) {
    hash.update(`\n${entry.collection}/${entry.id}\n`).update(JSON.stringify(entry.data));
  }
  return hash.digest('hex');
}

/** A page's cache key: the site's inputs and whatever else the page is made from (its entries' digests). */
export function pageCacheKey(site: string, ...own: (string | undefined)[]): string {
  return createHash('sha256').update(site).update(own.map((part) => `\n${part ?? ''}`).join('')).digest('hex').slice(0, 32);
}

/**
 * Cache keys for the pages of a report or brief in every language: each is made from the entries of all the
 * languages of its slug, since a page compares its outline with its other versions' (the language switch) and
 * says when its original changed. Astro tracks the entries a page renders too, but not for content kept
 * outside the project's folder (CONTENT_ROOT), so the key does not rely on it.
 */
export function entryPageKeys(site: string, pages: { slug: string; entry: { digest?: string } }[]): string[] {
  const bySlug = new Map<string, string[]>();
  for (const page of pages) bySlug.set(page.slug, [...(bySlug.get(page.slug) ?? []), page.entry.digest ?? '']);
  return pages.map((page) => pageCacheKey(site, ...[...new Set(bySlug.get(page.slug))].sort()));
}
