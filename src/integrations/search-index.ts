/**
 * Astro integration: after the build, index every page and every recommendation and practice with
 * Pagefind's Node API, one index per language. For languages written without spaces between words
 * (locale "segmentWords" in the site config), the copy handed to Pagefind has its words separated and
 * a vocabulary of the indexed words is written beside the index for query-time segmentation.
 * The published HTML is not changed.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { siteConfig } from '../lib/config/site-config';
import { hasKhmer, segmentForIndex } from '../lib/search/segmentation';
import { policyRecords, type SearchRecord } from '../lib/search/records';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Inserts word separators into every text node outside script and style, collecting the words.
 * This is the copy handed to Pagefind, never published, so a fast pass over the text between tags
 * is enough (Khmer never appears inside tag syntax here).
 */
export function segmentHtml(html: string, words: Set<string>): string {
  return html.replace(/(<(script|style)\b[\s\S]*?<\/\2>)|>([^<]+)</g, (match, skipped: string | undefined, _tag, text: string | undefined) => {
    if (skipped || !text || !hasKhmer(text)) return match;
    return `>${segmentForIndex(text, undefined, words)}<`;
  });
}

/** The part of a page Pagefind reads: <html lang>, <title> and <main data-pagefind-body>. */
export function indexCopy(html: string, lang: string): string {
  const title = /<title>[\s\S]*?<\/title>/.exec(html)?.[0] ?? '';
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < 0) return html;
  return `<!doctype html><html lang="${lang}"><head>${title}</head><body>${html.slice(start, end + 7)}</body></html>`;
}

export interface IndexSummary {
  pages: number;
  records: number;
  skipped: string[];
  vocabulary: Record<string, number>;
}

/** A language's index in its own worker thread (and Pagefind process); see pagefind-worker.mjs. */
class LanguageIndex {
  private worker = new Worker(fileURLToPath(new URL('./pagefind-worker.mjs', import.meta.url)));
  private replies = new Map<number, (errors: string[]) => void>();
  private nextId = 0;
  private sent: Promise<void>[] = [];

  constructor(readonly lang: string) {
    this.worker.on('message', ({ id, errors }: { id: number; errors: string[] }) => this.replies.get(id)?.(errors));
    // A worker that dies fails every request still waiting for its answer.
    this.worker.on('error', (error) => [...this.replies.values()].forEach((reply) => reply([error.message])));
  }

  private send(what: string, message: Record<string, unknown>): Promise<void> {
    const id = this.nextId++;
    const reply = new Promise<void>((resolve, reject) => {
      this.replies.set(id, (errors) => {
        this.replies.delete(id);
        if (errors.length) reject(new Error(`Search indexing failed while ${what}:\n${errors.join('\n')}`));
        else resolve();
      });
    });
    this.worker.postMessage({ id, ...message });
    return reply;
  }

  /** Queues without waiting, so that the main thread goes on preparing pages; write() collects the answers. */
  private queue(what: string, message: Record<string, unknown>) {
    const reply = this.send(what, message);
    reply.catch(() => {}); // handled in write(); this only keeps Node from calling it unhandled meanwhile
    this.sent.push(reply);
  }

  add(pages: { url: string; content: string }[]) {
    this.queue(`indexing ${pages.length} ${this.lang} pages`, { add: pages }); // errors name their page
  }

  addRecords(records: SearchRecord[]) {
    this.queue(`indexing the ${this.lang} records`, { records });
  }

  async write(outputPath: string): Promise<void> {
    await Promise.all(this.sent);
    await this.send(`writing the ${this.lang} index`, { write: outputPath });
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

export async function buildSearchIndex(outDir: string, log: (msg: string) => void = () => {}): Promise<IndexSummary> {
  const config = siteConfig();
  const segmented = new Map(config.locales.filter((l) => l.segmentWords).map((l) => [l.code, new Set<string>()]));
  const indexes = new Map<string, LanguageIndex>();
  const indexFor = (lang: string) => indexes.get(lang) ?? indexes.set(lang, new LanguageIndex(lang)).get(lang)!;
  const batches = new Map<string, { url: string; content: string }[]>();
  const summary: IndexSummary = { pages: 0, records: 0, skipped: [], vocabulary: {} };
  try {
    for (const file of await htmlFiles(outDir)) {
      const html = await readFile(file, 'utf8');
      const url = '/' + path.relative(outDir, file).split(path.sep).join('/').replace(/index\.html$/, '');
      // Pages without an indexed body (chooser, 404, embeds, theme lists) and pages showing
      // another language's text as a fallback stay out of this language's index.
      if (!html.includes('data-pagefind-body') || html.includes('data-fallback-notice')) {
        summary.skipped.push(url);
        continue;
      }
      const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? config.defaultLocale;
      // Pagefind needs only the language, the title and the indexed body: hand it just those.
      let content = indexCopy(html, lang);
      const words = segmented.get(lang);
      if (words) content = segmentHtml(content, words);
      const batch = batches.get(lang) ?? [];
      batches.set(lang, batch);
      batch.push({ url: withBaseUrl(config.base, url), content });
      summary.pages++;
      if (batch.length >= BATCH) indexFor(lang).add(batch.splice(0));
    }
    for (const [lang, batch] of batches) if (batch.length) indexFor(lang).add(batch);
    for (const locale of config.locales) {
      const words = segmented.get(locale.code);
      const records = policyRecords(locale.code);
      if (!records.length) continue;
      for (const record of records) if (words) record.content = segmentForIndex(record.content, undefined, words);
      indexFor(locale.code).addRecords(records);
      summary.records += records.length;
    }
    const outputPath = path.join(outDir, 'pagefind');
    const written = [...indexes.values()].map(async (index) => {
      const own = `${outputPath}.${index.lang}`;
      await index.write(own);
      return own;
    });
    // Merge one language at a time: they share the entry file.
    for (const own of await Promise.all(written)) await mergeIndex(own, outputPath);
    for (const [lang, words] of segmented) {
      if (!indexes.has(lang)) continue;
      await writeFile(path.join(outputPath, `vocabulary-${lang}.json`), JSON.stringify([...words].sort()));
      summary.vocabulary[lang] = words.size;
    }
    log(`indexed ${summary.pages} pages and ${summary.records} records; vocabulary: ${JSON.stringify(summary.vocabulary)}`);
    return summary;
  } finally {
    await Promise.all([...indexes.values()].map((index) => index.stop()));
  }
}

function withBaseUrl(base: string, url: string): string {
  return base.replace(/\/$/, '') + url;
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), (msg) => logger.info(msg));
      },
    },
  };
}
