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
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { visit } from 'unist-util-visit';
import type { Root, Text, Element } from 'hast';
import { siteConfig } from '../lib/config/site-config';
import { khmerWords, segmentForIndex } from '../lib/search/segmentation';
import { policyRecords } from '../lib/search/records';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

/** Inserts word separators into every text node outside script and style, collecting the words. */
function segmentHtml(html: string, words: Set<string>): string {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  visit(tree, 'text', (node: Text, _index, parent) => {
    const tag = (parent as Element | undefined)?.tagName;
    if (tag === 'script' || tag === 'style') return;
    for (const w of khmerWords(node.value)) words.add(w);
    node.value = segmentForIndex(node.value);
  });
  return unified().use(rehypeStringify).stringify(tree);
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
    for (const file of await htmlFiles(outDir)) {
      let html = await readFile(file, 'utf8');
      const url = '/' + path.relative(outDir, file).split(path.sep).join('/').replace(/index\.html$/, '');
      const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? config.defaultLocale;
      // Pages without an indexed body (chooser, 404, embeds, theme lists) and pages showing
      // another language's text as a fallback stay out of this language's index.
      if (!html.includes('data-pagefind-body') || html.includes('data-fallback-notice')) {
        summary.skipped.push(url);
        continue;
      }
      const words = segmented.get(lang);
      if (words) html = segmentHtml(html, words);
      const response = await index!.addHTMLFile({ url: withBaseUrl(config.base, url), content: html });
      check(`indexing ${url}`, response.errors);
      summary.pages++;
    }
    for (const locale of config.locales) {
      const words = segmented.get(locale.code);
      for (const record of policyRecords(locale.code)) {
        if (words) {
          for (const w of khmerWords(record.content)) words.add(w);
          record.content = segmentForIndex(record.content);
        }
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
