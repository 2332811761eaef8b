/**
 * One language's search index in a worker thread. Pagefind's Node API runs one indexing process per
 * module instance and that process works on one core, so each language gets its own worker, and with it
 * its own Pagefind process: the languages are indexed side by side, and beside the build's main thread,
 * which goes on rendering pages while they are indexed. The worker also makes each page's index copy
 * (and separates Khmer words), so that work stays off the main thread too.
 * Plain JavaScript on purpose: a worker runs this file as it is, without the build's TypeScript loader;
 * the one TypeScript module it imports uses only syntax that Node strips.
 *
 * workerData: { lang, segment, variants, cacheDir } (segment: whether this language is written without spaces;
 * variants: the glossary's [variant, term] pairs, folded as normalize.ts says; cacheDir: where index copies
 * are kept between builds, see copyOf).
 * Messages in: { id, pages: [{ url, html }] } | { id, write: outputPath } | { id, close: true } (ends Pagefind
 * unwritten). Records come as pages too.
 * Each is answered with { id, errors: string[] }; write's answer also has `words`, the vocabulary
 * of a segmented language, `spelling`, the index's Latin words by how often they occur (for typo
 * correction), and `cards`, each result's link, title and type, all read from what Pagefind wrote.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { indexCopy, segmentHtml, weightFields } from '../lib/search/index-copy.ts';
import { makeNormalizer } from '../lib/search/normalize.ts';

const { lang, segment, variants, cacheDir } = workerData;
const words = segment ? new Set() : undefined;
const normalize = makeNormalizer(variants);
const created = pagefind.createIndex({});

/** The code that makes an index copy and what it is given besides the page: a copy kept under another is stale. */
const COPY_INPUTS = ['src/integrations/pagefind-worker.mjs', 'src/lib/search/index-copy.ts', 'src/lib/search/segmentation.ts', 'src/lib/search/normalize.ts'];
const copyDir = cacheDir ? path.join(cacheDir, 'search-copies', lang) : undefined;
let copyVersion;

/**
 * A page's index copy (its words separated for a segmented language) and the words it adds to the
 * vocabulary. A rebuild copies unchanged pages from the last build instead of rendering them (incremental
 * build), and hands them over from disk; their copies are kept in the cache folder, by the page's HTML, so
 * only Pagefind's own reading of them is done again. About half of the indexing work for a Khmer page.
 */
function copyOf(html) {
  const make = () => {
    const own = words ? new Set() : undefined;
    return { content: segmentHtml(weightFields(indexCopy(html, lang)), own, normalize), words: own ? [...own] : [] };
  };
  if (!copyDir) return make();
  copyVersion ??= COPY_INPUTS.reduce((hash, file) => hash.update(readFileSync(path.resolve(file))), createHash('sha256').update(JSON.stringify([lang, segment, variants]))).digest('hex');
  const file = path.join(copyDir, `${createHash('sha256').update(copyVersion).update(html).digest('hex').slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    const copy = make();
    mkdirSync(copyDir, { recursive: true });
    writeFileSync(file, JSON.stringify(copy));
    return copy;
  }
}

/**
 * Most results a language may have for the search page to hold every result's link, title and type from
 * the start (cards-<lang>.json, ~160 bytes a result): it shows results at once and fills their excerpts as
 * Pagefind loads them. Past this, the file would cost a slow line more than it saves, and results wait.
 */
const MAX_CARDS = 2000;

/**
 * What the build reads back from the fragments Pagefind wrote (the indexed text exactly): the Latin words of
 * four or more letters, most used first (for typo correction), and each result's card, keyed by its id.
 */
async function readFragments(outputPath) {
  const counts = new Map();
  const cards = {};
  const dir = path.join(outputPath, 'fragment');
  const files = await readdir(dir);
  for (const file of files) {
    const text = gunzipSync(await readFile(path.join(dir, file))).toString('utf8').replace(/^pagefind_dcd/, '');
    const parsed = JSON.parse(text);
    // A file holds one result's fragment, or (with Pagefind's maxFragments) a group of them keyed by id.
    const fragments = typeof parsed.content === 'string' ? [[file.replace(/\.pf_fragment$/, ''), parsed]] : Object.entries(parsed);
    for (const [id, { content, url, meta }] of fragments) {
      for (const word of content.toLowerCase().match(/[a-z]{4,}/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
      cards[id] = [url, meta.title ?? url, meta.type ?? ''];
    }
  }
  const spelling = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  return { spelling, cards: Object.keys(cards).length <= MAX_CARDS ? cards : undefined };
}

parentPort.on('message', async ({ id, pages, write, close }) => {
  const errors = [];
  const reply = { id, errors };
  try {
    const { index, errors: startErrors } = await created;
    errors.push(...startErrors);
    if (!index) throw new Error('Pagefind did not start');
    if (pages) {
      const added = pages.map(({ url, html }) => {
        const copy = copyOf(html);
        for (const word of copy.words) words?.add(word);
        return index.addHTMLFile({ url, content: copy.content });
      });
      (await Promise.all(added)).forEach((r, i) => errors.push(...r.errors.map((e) => `${pages[i].url}: ${e}`)));
    }
    if (close) await pagefind.close();
    if (write) {
      errors.push(...(await index.writeFiles({ outputPath: write })).errors);
      await pagefind.close();
      if (words) reply.words = [...words].sort();
      Object.assign(reply, await readFragments(write));
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  parentPort.postMessage(reply);
});
