/**
 * The copy of a page handed to Pagefind: its language, title and indexed body, with Khmer words
 * separated (see segmentation.ts). Pure functions, imported with explicit extensions so that the
 * indexing worker thread can load this file as it is.
 */
import { hasKhmer, segmentForIndex } from './segmentation.ts';
import type { Normalizer } from './normalize.ts';

/**
 * Weights Pagefind records with every matched word (read back by the ranking, see rank.ts): a page's title
 * (its h1), then its headings and labels (table headers and captions, a chart's caption, legend and the
 * description that names its measures, groups and units), then the body at Pagefind's default of 1.
 */
export const WEIGHT = { title: 10, label: 5 } as const;

/**
 * Whether a page belongs in its language's index: pages without an indexed body (chooser, 404, embeds,
 * theme lists) and pages showing another language's text as a fallback stay out.
 */
export function isIndexable(html: string): boolean {
  return html.includes('data-pagefind-body') && !html.includes('data-fallback-notice');
}

/** The language a page declares on <html lang>. */
export function pageLanguage(html: string, fallback: string): string {
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? fallback;
}

/** The part of a page Pagefind reads: <html lang>, <title> and <main data-pagefind-body>. */
export function indexCopy(html: string, lang: string): string {
  const title = /<title>[\s\S]*?<\/title>/.exec(html)?.[0] ?? '';
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < 0) return html;
  return `<!doctype html><html lang="${lang}"><head>${title}</head><body>${html.slice(start, end + 7)}</body></html>`;
}

/**
 * Marks where a page's words stand (see WEIGHT) with data-pagefind-weight, in the index copy only. The
 * site's own markup, so tags are matched as written: h1 to h6, th, caption, figcaption, dt, a chart's legend
 * (class chart__legend) and its description (an id ending in -desc).
 */
export function weightFields(html: string): string {
  const attr = (w: number) => ` data-pagefind-weight="${w}"`;
  return html
    .replace(/<h1(?=[\s>])/g, `<h1${attr(WEIGHT.title)}`)
    .replace(/<(h[2-6]|th|caption|figcaption|dt)(?=[\s>])/g, `<$1${attr(WEIGHT.label)}`)
    .replace(/<(ul|p)(?=[^>]*(?:class="chart__legend"|\sid="[^"]*-desc"))/g, `<$1${attr(WEIGHT.label)}`);
}

/**
 * Folds Khmer spelling variants (see normalize.ts) and, where `words` is given, inserts word separators
 * into every text node outside script and style, collecting the words.
 * This is the copy handed to Pagefind, never published, so a fast pass over the text between tags
 * is enough (Khmer never appears inside tag syntax here).
 */
export function segmentHtml(html: string, words: Set<string> | undefined, normalize: Normalizer = (t) => t): string {
  return html.replace(/(<(script|style)\b[\s\S]*?<\/\2>)|>([^<]+)</g, (match, skipped: string | undefined, _tag, text: string | undefined) => {
    if (skipped || !text || !hasKhmer(text)) return match;
    const normal = normalize(text);
    return `>${words ? segmentForIndex(normal, undefined, words) : normal}<`;
  });
}
