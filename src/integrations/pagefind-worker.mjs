/**
 * One language's search index in a worker thread. Pagefind's Node API runs one indexing process per
 * module instance and that process works on one core, so each language gets its own worker, and with it
 * its own Pagefind process: the languages are indexed side by side while the main thread prepares pages.
 * Plain JavaScript on purpose: a worker runs this file as it is, without the build's TypeScript loader.
 *
 * Messages in: { id, add: [{ url, content }] } | { id, records: [...] } | { id, write: outputPath }.
 * Each is answered with { id, errors: string[] }.
 */
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';

const created = pagefind.createIndex({});

parentPort.on('message', async ({ id, add, records, write }) => {
  const errors = [];
  try {
    const { index, errors: startErrors } = await created;
    errors.push(...startErrors);
    if (!index) throw new Error('Pagefind did not start');
    if (add) {
      const responses = await Promise.all(add.map((page) => index.addHTMLFile(page)));
      responses.forEach((r, i) => errors.push(...r.errors.map((e) => `${add[i].url}: ${e}`)));
    }
    if (records) for (const record of records) errors.push(...(await index.addCustomRecord(record)).errors.map((e) => `${record.url}: ${e}`));
    if (write) {
      errors.push(...(await index.writeFiles({ outputPath: write })).errors);
      await pagefind.close();
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  parentPort.postMessage({ id, errors });
});
