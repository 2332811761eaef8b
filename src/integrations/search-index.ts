/**
 * Astro integration: after the build, index every page and every recommendation and practice with
 * Pagefind's Node API, one index per language. For languages written without spaces between words
 * (locale "segmentWords" in the site config), the copy handed to Pagefind has its words separated and
 * a vocabulary of the indexed words is written beside the index for query-time segmentation.
 * The published HTML is not changed.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { siteConfig } from '../lib/config/site-config';
import { hasKhmer, segmentForIndex } from '../lib/search/segmentation';
import { policyRecords } from '../lib/search/records';

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

function check(what: string, errors: string[]) {
  if (errors.length) throw new Error(`Search indexing failed while ${what}:\n${errors.join('\n')}`);
}

export interface IndexSummary {
  pages: number;
  records: number;
  skipped: string[];
  vocabulary: Record<string, number>;
}

export async function buildSearchIndex(outDir: string, log: (msg: string) => void = () => {}): Promise<IndexSummary> {
  const config = siteConfig();
  const segmented = new Map(config.locales.filter((l) => l.segmentWords).map((l) => [l.code, new Set<string>()]));
  const { index, errors } = await pagefind.createIndex({});
  check('starting Pagefind', errors);
  const summary: IndexSummary = { pages: 0, records: 0, skipped: [], vocabulary: {} };
  try {
    // Read and prepare pages in parallel; Pagefind indexes them concurrently.
    const prepared = await Promise.all(
      (await htmlFiles(outDir)).map(async (file) => {
        let html = await readFile(file, 'utf8');
        const url = '/' + path.relative(outDir, file).split(path.sep).join('/').replace(/index\.html$/, '');
        const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? config.defaultLocale;
        // Pages without an indexed body (chooser, 404, embeds, theme lists) and pages showing
        // another language's text as a fallback stay out of this language's index.
        if (!html.includes('data-pagefind-body') || html.includes('data-fallback-notice')) return { url, skip: true as const };
        // Pagefind needs only the language, the title and the indexed body: hand it just those.
        html = indexCopy(html, lang);
        const words = segmented.get(lang);
        if (words) html = segmentHtml(html, words);
        return { url, skip: false as const, html };
      }),
    );
    summary.skipped.push(...prepared.filter((p) => p.skip).map((p) => p.url));
    const pages = prepared.filter((p) => !p.skip);
    for (let i = 0; i < pages.length; i += 64) {
      const batch = pages.slice(i, i + 64);
      const responses = await Promise.all(batch.map((p) => index!.addHTMLFile({ url: withBaseUrl(config.base, p.url), content: p.html! })));
      responses.forEach((response, j) => check(`indexing ${batch[j].url}`, response.errors));
    }
    summary.pages = pages.length;
    for (const locale of config.locales) {
      const words = segmented.get(locale.code);
      for (const record of policyRecords(locale.code)) {
        if (words) record.content = segmentForIndex(record.content, undefined, words);
        const response = await index!.addCustomRecord(record);
        check(`indexing ${record.url}`, response.errors);
        summary.records++;
      }
    }
    const outputPath = path.join(outDir, 'pagefind');
    const written = await index!.writeFiles({ outputPath });
    check('writing the index', written.errors);
    for (const [lang, words] of segmented) {
      await writeFile(path.join(outputPath, `vocabulary-${lang}.json`), JSON.stringify([...words].sort()));
      summary.vocabulary[lang] = words.size;
    }
    log(`indexed ${summary.pages} pages and ${summary.records} records; vocabulary: ${JSON.stringify(summary.vocabulary)}`);
    return summary;
  } finally {
    await pagefind.close();
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
