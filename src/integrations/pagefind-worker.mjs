/**
 * One language's search index in a worker thread. Pagefind's Node API runs one indexing process per
 * module instance and that process works on one core, so each language gets its own worker, and with it
 * its own Pagefind process: the languages are indexed side by side, and beside the build's main thread,
 * which goes on rendering pages while they are indexed. The worker also makes each page's index copy
 * (and separates Khmer words), so that work stays off the main thread too.
 * Plain JavaScript on purpose: a worker runs this file as it is, without the build's TypeScript loader;
 * the one TypeScript module it imports uses only syntax that Node strips.
 *
 * workerData: { lang, segment, variants } (segment: whether this language is written without spaces;
 * variants: the glossary's [variant, term] pairs, folded as normalize.ts says).
 * Messages in: { id, pages: [{ url, html }] } | { id, write: outputPath }. Records come as pages too.
 * Each is answered with { id, errors: string[] }; write's answer also has `words`, the vocabulary
 * of a segmented language, and `spelling`, the index's Latin words by how often they occur (for typo
 * correction), both read from what Pagefind wrote.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { indexCopy, segmentHtml, weightFields } from '../lib/search/index-copy.ts';
import { makeNormalizer } from '../lib/search/normalize.ts';

const { lang, segment, variants } = workerData;
const words = segment ? new Set() : undefined;
const normalize = makeNormalizer(variants);
const created = pagefind.createIndex({});

/** Latin words of four or more letters in the written fragments (the indexed text exactly), most used first. */
async function spellingWords(outputPath) {
  const counts = new Map();
  const dir = path.join(outputPath, 'fragment');
  for (const file of await readdir(dir)) {
    const text = gunzipSync(await readFile(path.join(dir, file))).toString('utf8').replace(/^pagefind_dcd/, '');
    const { content } = JSON.parse(text);
    for (const word of content.toLowerCase().match(/[a-z]{4,}/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

parentPort.on('message', async ({ id, pages, write }) => {
  const errors = [];
  const reply = { id, errors };
  try {
    const { index, errors: startErrors } = await created;
    errors.push(...startErrors);
    if (!index) throw new Error('Pagefind did not start');
    if (pages) {
      const added = pages.map(({ url, html }) => index.addHTMLFile({ url, content: segmentHtml(weightFields(indexCopy(html, lang)), words, normalize) }));
      (await Promise.all(added)).forEach((r, i) => errors.push(...r.errors.map((e) => `${pages[i].url}: ${e}`)));
    }
    if (write) {
      errors.push(...(await index.writeFiles({ outputPath: write })).errors);
      await pagefind.close();
      if (words) reply.words = [...words].sort();
      reply.spelling = await spellingWords(write);
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  parentPort.postMessage(reply);
});
