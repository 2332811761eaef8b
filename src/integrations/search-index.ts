/**
 * Astro integration: index every page and every recommendation and practice with Pagefind's Node API,
 * one index per language. For languages written without spaces between words (locale "segmentWords" in
 * the site config), the copy handed to Pagefind has its words separated and a vocabulary of the indexed
 * words is written beside the index for query-time segmentation. The published HTML is not changed.
 *
 * Beside the index, for the browser's side (src/lib/search/client.ts): terms-<lang>.json, the Khmer spelling
 * variants to fold and the glossary's terms of the other language to search for (read when search opens);
 * spelling-<lang>.json, the index's Latin words, most used first (read only to correct a query that found
 * nothing). pagefind.js is patched to hand each result's word weights to the ranking (see exposeWeights).
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
import { policyRecords, recordHtml, type SearchRecord } from '../lib/search/records';
import { loadGlossary, type GlossaryEntry } from '../lib/check/glossary';
import { Window } from '../lib/build/bounded';
import { buildCacheDir } from '../lib/build/cache-dir';
import { withMimallocDefaults } from '../lib/build/process-env';
import { indexKey, keepIndex, pageDigest, reuseIndex } from '../lib/search/kept-index';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

export interface IndexSummary {
  pages: number;
  records: number;
  skipped: string[];
  vocabulary: Record<string, number>;
  /** True when the index was copied from the last build's (kept-index.ts), nothing having changed. */
  reused?: boolean;
}

interface WorkerReply {
  errors: string[];
  words?: string[];
  spelling?: string[];
  /** Each result's [url, title, type] by its id, when the language has few enough results (see MAX_CARDS in the worker). */
  cards?: Record<string, [string, string, string]>;
}

/** A language's index in its own worker thread (and Pagefind process); see pagefind-worker.mjs. */
class LanguageIndex {
  private worker: Worker;
  private replies = new Map<number, (reply: WorkerReply) => void>();
  private nextId = 0;
  private sent: Promise<unknown>[] = [];
  // Back-pressure: at most WINDOW batches of a language wait in its worker and Pagefind at once; the next
  // page waits for room (see addPage), so the rendered pages never queue without limit.
  private window = new Window(WINDOW);
  private busy = 0;

  constructor(
    readonly lang: string,
    segment: boolean,
    variants: [string, string][],
  ) {
    this.worker = new Worker(fileURLToPath(new URL('./pagefind-worker.mjs', import.meta.url)), { workerData: { lang, segment, variants, cacheDir: buildCacheDir() }, env: withMimallocDefaults() });
    // While the build renders, a worker must not keep a failed build's process alive; write() holds it.
    this.worker.unref();
    this.worker.on('message', ({ id, ...reply }: { id: number } & WorkerReply) => this.replies.get(id)?.(reply));
    // A worker that dies fails every request still waiting for its answer.
    this.worker.on('error', (error: Error) => [...this.replies.values()].forEach((reply) => reply({ errors: [error.message] })));
  }

  private send(what: string, message: Record<string, unknown>): Promise<WorkerReply> {
    const id = this.nextId++;
    const reply = new Promise<WorkerReply>((resolve, reject) => {
      this.replies.set(id, (answer) => {
        this.replies.delete(id);
        if (answer.errors.length) reject(new Error(`Search indexing failed while ${what}:\n${answer.errors.join('\n')}`));
        else resolve(answer);
      });
    });
    this.worker.postMessage({ id, ...message });
    return reply;
  }

  /** Queues without waiting for the answer, so that the main thread goes on; write() collects the answers. */
  private queue(what: string, message: Record<string, unknown>): Promise<unknown> {
    // While a batch is out, the worker keeps the process alive: rendering may be waiting for its room.
    if (this.busy++ === 0) this.worker.ref();
    const reply = this.send(what, message);
    const settled = () => --this.busy === 0 && this.worker.unref();
    reply.then(settled, settled);
    reply.catch(() => {}); // handled in write(); this only keeps Node from calling it unhandled meanwhile
    this.sent.push(reply);
    return reply;
  }

  /** Sends a batch once the window has room; resolves when it is sent (not when it is indexed). */
  async addPages(pages: { url: string; html: string }[]): Promise<void> {
    const release = await this.window.enter();
    this.queue(`indexing ${pages.length} ${this.lang} pages`, { pages }).then(release, release); // errors name their page
  }

  addRecords(records: SearchRecord[]) {
    this.queue(`indexing the ${this.lang} records`, { pages: records.map((r) => ({ url: r.url, html: recordHtml(r) })) });
  }

  /** Writes the index; returns the vocabulary of a segmented language, the spelling words and the result cards. */
  async write(outputPath: string): Promise<WorkerReply> {
    // Held until the worker stops: the last batch's answer must not let go of it (see queue).
    if (this.busy++ === 0) this.worker.ref();
    await Promise.all(this.sent);
    return this.send(`writing the ${this.lang} index`, { write: outputPath });
  }

  /** Ends the Pagefind process without writing, once the batches sent are answered. */
  async close(): Promise<void> {
    if (this.busy++ === 0) this.worker.ref();
    await Promise.allSettled(this.sent);
    await this.send(`closing the ${this.lang} index`, { close: true });
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
/** Batches of a language in its worker and Pagefind at once (see LanguageIndex.window). */
const WINDOW = 4;

/** The glossary's Khmer variants to fold, as [variant, term]. */
function glossaryVariants(entries: GlossaryEntry[]): [string, string][] {
  return entries.flatMap((e) => e.avoid.map((v): [string, string] => [v, e.termKm]));
}

/** The English forms a reader may type for a glossary term: "World Health Organization (WHO)" gives the name and WHO. */
function englishForms(term: string): string[] {
  const short = /\(([^)]+)\)\s*$/.exec(term)?.[1];
  const name = term.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return [...new Set([name, short].filter((f): f is string => !!f))];
}

/**
 * The terms of another language that a search in `lang` also looks for in `lang`'s own words, as
 * [typed, searched]: on the Khmer site the glossary's English terms, on the English site its Khmer terms.
 * The glossary pairs English and Khmer only; other languages get none.
 */
export function crossTerms(entries: GlossaryEntry[], lang: string): [string, string][] {
  if (lang === 'km') return entries.flatMap((e) => englishForms(e.termEn).map((f): [string, string] => [f, e.termKm]));
  if (lang === 'en') return entries.map((e) => [e.termKm, englishForms(e.termEn).at(-1)!]);
  return [];
}

/**
 * pagefind.js keeps each matched word's weight (which part of the page it stands in) inside the closure
 * that loads the result's excerpt; the ranking needs it for every result without loading excerpts. This
 * adds it to the result as `weights`, beside `words`. Fails the build if Pagefind's code changed shape.
 */
export function exposeWeights(js: string): string {
  const from = 'words:locations,data:async()=>';
  if (js.includes('weights:weighted_locations')) return js;
  if (!js.includes(from)) throw new Error('Search indexing: pagefind.js no longer has the shape this build patches (`words:locations,data:`), so results would come without word weights and ranking would ignore titles. Update exposeWeights in src/integrations/search-index.ts for this Pagefind version.');
  return js.replace(from, 'words:locations,weights:weighted_locations.map((l)=>l.weight),data:async()=>');
}

/**
 * The one excerpt builder patched in: Pagefind's splits a page's whole text into words at every call, and
 * it is called once per heading with a match, so a long report matching a common word took ~100 ms of
 * the main thread per search. This one splits each text once (the last 64 texts kept) and marks only the
 * words of the excerpt's window; what it returns is what Pagefind's returned.
 */
const EXCERPT_BUILDER = `var excerpt_words=new Map();var build_excerpt=(content,start,length,locations,not_before,not_from,ellipsis)=>{const zws=content.includes("\\u200B");let words=excerpt_words.get(content);if(!words){words=zws?content.split("\\u200B"):content.split(word_separators);excerpt_words.set(content,words);if(excerpt_words.size>64)excerpt_words.delete(excerpt_words.keys().next().value);}const endcap=not_from??words.length;const startcap=not_before??0;if(endcap-startcap<length){length=endcap-startcap;}if(start+length>endcap){start=endcap-length;}if(start<startcap){start=startcap;}const joiner=zws?"":" ";const pre=ellipsis&&start>startcap?\`\${ellipsis}\${joiner}\`:"";const post=ellipsis&&start+length<endcap?\`\${joiner}\${ellipsis}\`:"";const shown=words.slice(start,start+length);const marked=new Set(locations);const plain_excerpt=pre+shown.join(joiner).trim()+post;const excerpt=pre+shown.map((w,i)=>marked.has(start+i)&&!w.startsWith("<mark>")?\`<mark>\${w}</mark>\`:w).join(joiner).trim()+post;return{excerpt,plain_excerpt};};`;

/** Replaces pagefind.js's excerpt builder with EXCERPT_BUILDER. Fails the build if Pagefind's code changed shape. */
export function fastExcerpts(js: string): string {
  if (js.includes('var excerpt_words=new Map()')) return js;
  const start = js.indexOf('var build_excerpt=(content,start,length,locations,not_before,not_from,ellipsis)=>{');
  const end = js.indexOf('return{excerpt,plain_excerpt};};', start);
  const body = start >= 0 && end > start ? js.slice(start, end) : '';
  if (!body.includes('content.split("\\u200B")') || !body.includes('content.split(word_separators)') || !js.includes('var word_separators=')) {
    throw new Error('Search indexing: pagefind.js no longer has the excerpt builder this build replaces (`var build_excerpt=(content,start,length,locations,not_before,not_from,ellipsis)`), so long pages would make search slow again. Update fastExcerpts in src/integrations/search-index.ts for this Pagefind version.');
  }
  return js.slice(0, start) + EXCERPT_BUILDER + js.slice(end + 'return{excerpt,plain_excerpt};};'.length);
}

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
  /** Every written page's pageDigest by URL, read from disk (as the build leaves it): the kept index's key (kept-index.ts). */
  private digests = new Map<string, string>();
  private summary: IndexSummary = { pages: 0, records: 0, skipped: [], vocabulary: {} };

  private glossary = loadGlossary(this.config.dataRoot).entries;

  private indexFor(lang: string): LanguageIndex {
    let index = this.indexes.get(lang);
    if (!index) {
      index = new LanguageIndex(lang, !!this.config.locales.find((l) => l.code === lang)?.segmentWords, glossaryVariants(this.glossary));
      this.indexes.set(lang, index);
    }
    return index;
  }

  /**
   * A rendered page. The path may carry the base and may lack the trailing slash of a directory page.
   * When it fills a batch and the language's window is full, the returned promise waits for room.
   */
  addPage(pathname: string, html: string): Promise<void> | void {
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
    if (batch.length >= BATCH) return this.indexFor(lang).addPages(batch.splice(0));
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
      // Every page is read for its digest; those not handed over (copied from the last build, or a site indexed
      // from its files) are read again to be indexed if the kept index cannot be used: never all held at once.
      const written = new Set<string>();
      const unread: { url: string; file: string }[] = [];
      for (const file of await htmlFiles(outDir)) {
        const url = fileUrl(outDir, file);
        written.add(url);
        this.digests.set(url, pageDigest(await readFile(file)));
        if (!this.received.has(url)) unread.push({ url, file });
      }
      if (onArrival) {
        const unwritten = [...this.received].filter((url) => !written.has(url) && !this.summary.skipped.includes(url));
        if (unwritten.length) throw new Error(`Search indexing: pages were rendered but not written, so their links would lead nowhere: ${unwritten.slice(0, 5).join(', ')}`);
      }
      const outputPath = path.join(outDir, 'pagefind');
      const records = this.config.locales.map((locale) => ({ lang: locale.code, records: policyRecords(locale.code) }));
      const key = indexKey(this.digests, { records, glossary: this.glossary, locales: this.config.locales, base: this.config.base });
      const keptDir = path.join(buildCacheDir(), 'search-index');
      const kept = await reuseIndex<IndexSummary>(keptDir, key, outputPath);
      if (kept) {
        // The pages handed over while rendering went to Pagefind for nothing: its processes end unwritten.
        await Promise.all([...this.indexes.values()].map((index) => index.close()));
        return { ...kept, reused: true };
      }
      for (const { url, file } of unread) await this.addPage(url, await readFile(file, 'utf8'));
      for (const [lang, batch] of this.batches) if (batch.length) await this.indexFor(lang).addPages(batch.splice(0));
      for (const { lang, records: own } of records) {
        if (!own.length) continue;
        this.indexFor(lang).addRecords(own);
        this.summary.records += own.length;
      }
      // One language at a time: Pagefind needs more memory while it writes, and each language's process
      // stops (its index freed) before the next one writes, so the peak is one write, not all of them at once.
      const writes: { index: LanguageIndex; own: string; reply: WorkerReply }[] = [];
      for (const index of this.indexes.values()) {
        const own = `${outputPath}.${index.lang}`;
        writes.push({ index, own, reply: await index.write(own) });
      }
      // Merge one language at a time: they share the entry file.
      for (const { index, own, reply } of writes) {
        await mergeIndex(own, outputPath);
        const terms = { variants: glossaryVariants(this.glossary), cross: crossTerms(this.glossary, index.lang) };
        await writeFile(path.join(outputPath, `terms-${index.lang}.json`), JSON.stringify(terms));
        await writeFile(path.join(outputPath, `spelling-${index.lang}.json`), JSON.stringify(reply.spelling ?? []));
        if (reply.cards) await writeFile(path.join(outputPath, `cards-${index.lang}.json`), JSON.stringify(reply.cards));
        if (!reply.words) continue;
        await writeFile(path.join(outputPath, `vocabulary-${index.lang}.json`), JSON.stringify(reply.words));
        this.summary.vocabulary[index.lang] = reply.words.length;
      }
      const script = path.join(outputPath, 'pagefind.js');
      if (existsSync(script)) await writeFile(script, fastExcerpts(exposeWeights(await readFile(script, 'utf8'))));
      await keepIndex(outputPath, keptDir, key, this.summary);
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
        logger.info(`${summary.reused ? 'nothing changed: the last build\'s index of' : 'indexed'} ${summary.pages} pages and ${summary.records} records; vocabulary: ${JSON.stringify(summary.vocabulary)}`);
      },
    },
  };
}
