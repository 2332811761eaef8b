/**
 * One language's search index in a worker thread. Pagefind's Node API runs one indexing process per
 * module instance and that process works on one core, so each language gets its own worker, and with it
 * its own Pagefind process: the languages are indexed side by side, and beside the build's main thread,
 * which goes on rendering pages while they are indexed. The worker also makes each page's index copy
 * (and separates Khmer words), so that work stays off the main thread too.
 * Plain JavaScript on purpose: a worker runs this file as it is, without the build's TypeScript loader;
 * the one TypeScript module it imports uses only syntax that Node strips.
 *
 * workerData: { lang, segment } (segment: whether this language is written without spaces).
 * Messages in: { id, pages: [{ url, html }] } | { id, records: [...] } | { id, write: outputPath }.
 * Each is answered with { id, errors: string[] }; write's answer also has `words`, the vocabulary
 * of a segmented language.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { indexCopy, segmentHtml } from '../lib/search/index-copy.ts';
import { segmentForIndex } from '../lib/search/segmentation.ts';

const { lang, segment } = workerData;
const words = segment ? new Set() : undefined;
const created = pagefind.createIndex({});

parentPort.on('message', async ({ id, pages, records, write }) => {
  const errors = [];
  const reply = { id, errors };
  try {
    const { index, errors: startErrors } = await created;
    errors.push(...startErrors);
    if (!index) throw new Error('Pagefind did not start');
    if (pages) {
      const added = pages.map(({ url, html }) => {
        const copy = indexCopy(html, lang);
        return index.addHTMLFile({ url, content: words ? segmentHtml(copy, words) : copy });
      });
      (await Promise.all(added)).forEach((r, i) => errors.push(...r.errors.map((e) => `${pages[i].url}: ${e}`)));
    }
    if (records) {
      for (const record of records) {
        const content = words ? segmentForIndex(record.content, undefined, words) : record.content;
        errors.push(...(await index.addCustomRecord({ ...record, content })).errors.map((e) => `${record.url}: ${e}`));
      }
    }
    if (write) {
      errors.push(...(await index.writeFiles({ outputPath: write })).errors);
      await pagefind.close();
      if (words) reply.words = [...words].sort();
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  parentPort.postMessage(reply);
});
