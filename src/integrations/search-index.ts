/**
 * Astro integration: index every page and every recommendation and practice with Pagefind's Node API,
 * one index per language. For languages written without spaces between words (locale "segmentWords" in
 * the site config), the copy handed to Pagefind has its words separated and a vocabulary of the indexed
 * words is written beside the index for query-time segmentation. The published HTML is not changed.
 *
 * Pages are indexed while the build renders them (each rendered page is handed over, see
 * lib/search/build-feed), in worker threads beside the rendering. When the build is done, every HTML file
 * written is checked against what was handed over: a page that was not is read from disk and indexed then,
 * and a page handed over that was never written fails the build.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { siteConfig } from '../lib/config/site-config';
import { installFeed, removeFeed } from '../lib/search/build-feed';
import { isIndexable, pageLanguage } from '../lib/search/index-copy';
import { policyRecords, type SearchRecord } from '../lib/search/records';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

export interface IndexSummary {
  pages: number;
  records: number;
  skipped: string[];
  vocabulary: Record<string, number>;
}

/** A language's index in its own worker thread (and Pagefind process); see pagefind-worker.mjs. */
class LanguageIndex {
  private worker: Worker;
  private replies = new Map<number, (reply: { errors: string[]; words?: string[] }) => void>();
  private nextId = 0;
  private sent: Promise<unknown>[] = [];

  constructor(
    readonly lang: string,
    segment: boolean,
  ) {
    this.worker = new Worker(fileURLToPath(new URL('./pagefind-worker.mjs', import.meta.url)), { workerData: { lang, segment } });
    // While the build renders, a worker must not keep a failed build's process alive; write() holds it.
    this.worker.unref();
    this.worker.on('message', ({ id, ...reply }: { id: number; errors: string[]; words?: string[] }) => this.replies.get(id)?.(reply));
    // A worker that dies fails every request still waiting for its answer.
    this.worker.on('error', (error: Error) => [...this.replies.values()].forEach((reply) => reply({ errors: [error.message] })));
  }

  private send(what: string, message: Record<string, unknown>): Promise<string[] | undefined> {
    const id = this.nextId++;
    const reply = new Promise<string[] | undefined>((resolve, reject) => {
      this.replies.set(id, ({ errors, words }) => {
        this.replies.delete(id);
        if (errors.length) reject(new Error(`Search indexing failed while ${what}:\n${errors.join('\n')}`));
        else resolve(words);
      });
    });
    this.worker.postMessage({ id, ...message });
    return reply;
  }

  /** Queues without waiting, so that the main thread goes on; write() collects the answers. */
  private queue(what: string, message: Record<string, unknown>) {
    const reply = this.send(what, message);
    reply.catch(() => {}); // handled in write(); this only keeps Node from calling it unhandled meanwhile
    this.sent.push(reply);
  }

  addPages(pages: { url: string; html: string }[]) {
    this.queue(`indexing ${pages.length} ${this.lang} pages`, { pages }); // errors name their page
  }

  addRecords(records: SearchRecord[]) {
    this.queue(`indexing the ${this.lang} records`, { records });
  }

  /** Writes the index; returns the vocabulary of a segmented language. */
  async write(outputPath: string): Promise<string[] | undefined> {
    this.worker.ref();
    await Promise.all(this.sent);
    return this.send(`writing the ${this.lang} index`, { write: outputPath });
  }

  stop() {
    return this.worker.terminate();
  }
}

/** Moves a language's written index into the shared folder (renames, no copies) and adds it to the shared entry file. */
async function mergeIndex(from: string, into: string) {
  const entryFile = 'pagefind-entry.json';
  const entry = JSON.parse(await readFile(path.join(from, entryFile), 'utf8'));
  const target = path.join(into, entryFile);
  const merged = existsSync(target) ? JSON.parse(await readFile(target, 'utf8')) : { ...entry, languages: {} };
  Object.assign(merged.languages, entry.languages);
  await moveInto(from, into, (name) => name !== entryFile);
  await writeFile(target, JSON.stringify(merged));
  await rm(from, { recursive: true, force: true });
}

/** Files each language writes alike (pagefind.js, the wasm, the UI) are already there after the first. */
async function moveInto(from: string, into: string, keep: (name: string) => boolean = () => true) {
  await mkdir(into, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (!keep(entry.name)) continue;
    const source = path.join(from, entry.name);
    const dest = path.join(into, entry.name);
    if (entry.isDirectory()) await moveInto(source, dest);
    else if (!existsSync(dest)) await rename(source, dest);
  }
}

const BATCH = 32;

/** The site path of a built file, as its page is addressed: /en/reports/x/ for en/reports/x/index.html. */
function fileUrl(outDir: string, file: string): string {
  return '/' + path.relative(outDir, file).split(path.sep).join('/').replace(/index\.html$/, '');
}

/**
 * The indexes of one build. Pages come in as they are rendered (addPage) and, at the end, from the files
 * on disk that did not come in (finish). Page URLs are site paths without the base.
 */
export class SearchIndexer {
  private config = siteConfig();
  private indexes = new Map<string, LanguageIndex>();
  private batches = new Map<string, { url: string; html: string }[]>();
  private received = new Set<string>();
  private summary: IndexSummary = { pages: 0, records: 0, skipped: [], vocabulary: {} };

  private indexFor(lang: string): LanguageIndex {
    let index = this.indexes.get(lang);
    if (!index) {
      index = new LanguageIndex(lang, !!this.config.locales.find((l) => l.code === lang)?.segmentWords);
      this.indexes.set(lang, index);
    }
    return index;
  }

  /** A rendered page. The path may carry the base and may lack the trailing slash of a directory page. */
  addPage(pathname: string, html: string) {
    const url = this.sitePath(pathname);
    if (this.received.has(url)) return;
    this.received.add(url);
    if (!isIndexable(html)) {
      this.summary.skipped.push(url);
      return;
    }
    const lang = pageLanguage(html, this.config.defaultLocale);
    const batch = this.batches.get(lang) ?? [];
    this.batches.set(lang, batch);
    batch.push({ url: withBaseUrl(this.config.base, url), html });
    this.summary.pages++;
    if (batch.length >= BATCH) this.indexFor(lang).addPages(batch.splice(0));
  }

  private sitePath(pathname: string): string {
    const base = this.config.base.replace(/\/$/, '');
    let url = base && pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
    if (!url.endsWith('/') && !/\.[a-z]+$/i.test(url)) url += '/';
    return url;
  }

  /** Indexes the built pages that were not handed over, then the records; writes and merges the indexes. */
  async finish(outDir: string, onArrival: boolean): Promise<IndexSummary> {
    try {
      const written = new Set<string>();
      for (const file of await htmlFiles(outDir)) {
        const url = fileUrl(outDir, file);
        written.add(url);
        if (!this.received.has(url)) this.addPage(url, await readFile(file, 'utf8'));
      }
      if (onArrival) {
        const unwritten = [...this.received].filter((url) => !written.has(url) && !this.summary.skipped.includes(url));
        if (unwritten.length) throw new Error(`Search indexing: pages were rendered but not written, so their links would lead nowhere: ${unwritten.slice(0, 5).join(', ')}`);
      }
      for (const [lang, batch] of this.batches) if (batch.length) this.indexFor(lang).addPages(batch.splice(0));
      for (const locale of this.config.locales) {
        const records = policyRecords(locale.code);
        if (!records.length) continue;
        this.indexFor(locale.code).addRecords(records);
        this.summary.records += records.length;
      }
      const outputPath = path.join(outDir, 'pagefind');
      const writes = [...this.indexes.values()].map(async (index) => {
        const own = `${outputPath}.${index.lang}`;
        return { index, own, words: await index.write(own) };
      });
      // Merge one language at a time: they share the entry file.
      for (const { index, own, words } of await Promise.all(writes)) {
        await mergeIndex(own, outputPath);
        if (!words) continue;
        await writeFile(path.join(outputPath, `vocabulary-${index.lang}.json`), JSON.stringify(words));
        this.summary.vocabulary[index.lang] = words.length;
      }
      return this.summary;
    } finally {
      await Promise.all([...this.indexes.values()].map((index) => index.stop()));
    }
  }
}

/** Indexes a built site from its files alone. */
export async function buildSearchIndex(outDir: string, log: (msg: string) => void = () => {}): Promise<IndexSummary> {
  const summary = await new SearchIndexer().finish(outDir, false);
  log(`indexed ${summary.pages} pages and ${summary.records} records; vocabulary: ${JSON.stringify(summary.vocabulary)}`);
  return summary;
}

function withBaseUrl(base: string, url: string): string {
  return base.replace(/\/$/, '') + url;
}

export default function searchIndex(): AstroIntegration {
  let indexer: SearchIndexer | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:build:start': () => {
        indexer = new SearchIndexer();
        const receiving = indexer;
        installFeed((pathname, html) => receiving.addPage(pathname, html));
      },
      'astro:build:done': async ({ dir, logger }) => {
        removeFeed();
        const summary = await (indexer ?? new SearchIndexer()).finish(fileURLToPath(dir), !!indexer);
        indexer = undefined;
        logger.info(`indexed ${summary.pages} pages and ${summary.records} records; vocabulary: ${JSON.stringify(summary.vocabulary)}`);
      },
    },
  };
}
