/**
 * The search index of the last build, kept in the build's cache folder: when a build indexes exactly the same
 * pages and records as the last one (a rebuild with nothing changed, most pages copied from the last build by
 * Astro's incremental build), its index is copied from there instead of written again. Pagefind cannot add
 * to or take from an index it wrote, so any change, however small, writes the whole index, as before.
 *
 * The key covers every page's URL and HTML, the records, the glossary (its terms files), the locales and base
 * path, and the code and packages that make the index (INDEX_INPUTS, the lockfile for Pagefind's version).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const INDEX_INPUTS = [
  'src/integrations/search-index.ts',
  'src/integrations/pagefind-worker.mjs',
  'src/lib/search/index-copy.ts',
  'src/lib/search/segmentation.ts',
  'src/lib/search/normalize.ts',
  'src/lib/search/records.ts',
  'package-lock.json',
];

/** A page's HTML as it goes into the key. */
export function pageDigest(html: string | Buffer): string {
  return createHash('sha256').update(html).digest('hex');
}

/**
 * The key of an index: `pages` maps each page's URL to its pageDigest; `rest` is everything else the index is
 * made from, as JSON-able values. `root` is where INDEX_INPUTS are read from.
 */
export function indexKey(pages: Map<string, string>, rest: unknown, root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const file of INDEX_INPUTS) {
    const full = path.join(root, file);
    hash.update(`${file}\n`).update(existsSync(full) ? readFileSync(full) : 'absent').update('\n');
  }
  hash.update(JSON.stringify(rest));
  for (const url of [...pages.keys()].sort()) hash.update(`\n${url} ${pages.get(url)}`);
  return hash.digest('hex');
}

const KEY_FILE = '.key';
const SUMMARY_FILE = '.summary.json';

/** Copies the kept index into `outputPath` if it was kept under `key`; returns its summary, else undefined. */
export async function reuseIndex<S>(keptDir: string, key: string, outputPath: string): Promise<S | undefined> {
  try {
    if ((await readFile(path.join(keptDir, KEY_FILE), 'utf8')) !== key) return undefined;
    const summary = JSON.parse(await readFile(path.join(keptDir, SUMMARY_FILE), 'utf8')) as S;
    await rm(outputPath, { recursive: true, force: true });
    await cp(keptDir, outputPath, { recursive: true, filter: (from) => ![KEY_FILE, SUMMARY_FILE].includes(path.basename(from)) });
    return summary;
  } catch {
    return undefined;
  }
}

/** Keeps a written index (replacing the one kept before) for the next build. */
export async function keepIndex(outputPath: string, keptDir: string, key: string, summary: unknown): Promise<void> {
  const staging = `${keptDir}.new-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(keptDir), { recursive: true });
  await cp(outputPath, staging, { recursive: true });
  await writeFile(path.join(staging, SUMMARY_FILE), JSON.stringify(summary));
  // The key last: a copy cut short has no key, so it is never reused.
  await writeFile(path.join(staging, KEY_FILE), key);
  await rm(keptDir, { recursive: true, force: true });
  await rename(staging, keptDir);
}
