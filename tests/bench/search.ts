/**
 * npm run bench:search — prints figures about search on the built site (never passes or fails):
 *  - index size per language;
 *  - search-call latency (median, p95) in headless Chromium for fixed queries, and keystroke-to-results time;
 *  - tasks (tests/bench/search-tasks.json): a query and the page or record that answers it, run through the
 *    search page's own query path, and through default Pagefind (as Starlight ships it) indexing the same
 *    built pages; top-1 and top-5 success and mean reciprocal rank, for all tasks and for the typo subset;
 *  - recall of words sampled from inside sentences of the built pages (not first in their run of text),
 *    each searched through the site's own query path; share whose page is in the top 10.
 * `-- --tasks` runs only the sizes, latency and tasks; `-- --words` only the sizes, latency and word samples.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededRandom } from './random.ts';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Root, Element, ElementContent } from 'hast';
import { launchBrowser } from '../support/browser.ts';
import type { Page } from 'playwright-core';
import { serveBuiltSite, DIST } from '../support/site.ts';
import { serveDirectory } from '../support/static-server.ts';

const ONLY = process.argv.includes('--tasks') ? 'tasks' : process.argv.includes('--words') ? 'words' : 'all';

// 1,000 words keep the sampling error near ±0.7 points at 95% (±1.3 with 300).
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 1000);
const QUERIES: Record<string, string[]> = {
  en: ['caregiver depression', 'remittances', 'stunting', 'social protection', 'children left behind', 'divorce', 'budget', 'mental health', 'school', 'Khatlon'],
  km: ['សុខភាពផ្លូវចិត្ត', 'គ្រួសារ', 'កុមារ', 'ប្រាក់បញ្ញើ', 'កិច្ចគាំពារសង្គម', 'ទេសន្តប្រវេសន៍', 'អ្នកថែទាំ', 'ការអប់រំ', 'ភាពក្រិន', 'ថវិកា'],
};


function pages(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile() && entry.name === 'index.html') out.push(path.join(entry.parentPath, entry.name));
  return out;
}

/** Elements whose text Pagefind leaves out of the index even inside data-pagefind-body (checked with Pagefind 1.6). */
const NOT_INDEXED = ['script', 'style', 'svg', 'noscript', 'template', 'form', 'nav', 'label', 'footer'];

/** Text nodes of the indexed part of a page: main with data-pagefind-body, minus what Pagefind leaves out (above, data-pagefind-ignore, hidden). */
function textNodes(html: string): string[] {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const runs: string[] = [];
  const walk = (node: Root | ElementContent, inBody: boolean) => {
    if (node.type === 'element') {
      const el = node as Element;
      if (NOT_INDEXED.includes(el.tagName) || el.properties?.dataPagefindIgnore !== undefined || el.properties?.hidden !== undefined) return;
      const body = inBody || el.properties?.dataPagefindBody !== undefined;
      el.children.forEach((c) => walk(c, body));
    } else if (node.type === 'text') {
      if (inBody && node.value.trim()) runs.push(node.value);
    } else if ('children' in node) (node as Root).children.forEach((c) => walk(c as ElementContent, inBody));
  };
  walk(tree, false);
  return runs;
}

/**
 * Where a word counts as "inside". The definition: not the first word of its run, a run being a
 * stretch of text between spaces (Pagefind's unit, whose first word it finds without help). In Khmer that
 * is most words of a sentence; in English it leaves only the later parts of joined words (non-migrant,
 * well-being, 2017/18). So English is also measured on words from the middle of sentences.
 */
type Unit = 'run' | 'sentence';

function runsOf(nodes: string[], lang: string, unit: Unit): string[] {
  if (unit === 'run') return nodes.flatMap((text) => text.split(/\s+/).filter(Boolean));
  const sentences = new Intl.Segmenter(lang, { granularity: 'sentence' });
  return nodes.flatMap((text) => [...sentences.segment(text)].map((s) => s.segment));
}

/** How often each page's indexed text uses each word (lower case), for the reference ranking below. */
function wordCounts(lang: string): Map<string, Map<string, number>> {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const counts = new Map<string, Map<string, number>>();
  for (const file of pages(path.join(DIST, lang))) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-body') || html.includes('data-fallback-notice')) continue;
    const page = '/' + path.relative(DIST, path.dirname(file)).split(path.sep).join('/') + '/';
    const own = new Map<string, number>();
    for (const text of textNodes(html)) for (const s of segmenter.segment(text)) if (s.isWordLike) own.set(s.segment.toLowerCase(), (own.get(s.segment.toLowerCase()) ?? 0) + 1);
    counts.set(page, own);
  }
  return counts;
}

/**
 * A reference, not a bound: the share of samples whose page is in the top 10 when pages are ordered by how
 * often they use the exact sampled word, ties counted in the page's favour. It shows how much of a miss
 * rate comes from the sample itself (common words used on dozens of pages) rather than from ranking.
 */
function exactCountReference(samples: Sample[], counts: Map<string, Map<string, number>>): number {
  const inTop10 = samples.filter(({ word, page }) => {
    const w = word.toLowerCase();
    const own = counts.get(page)?.get(w) ?? 0;
    let ahead = 0;
    for (const [other, uses] of counts) if (other !== page && (uses.get(w) ?? 0) > own) ahead++;
    return ahead < 10;
  });
  return (100 * inTop10.length) / samples.length;
}

interface Sample {
  word: string;
  page: string;
}

function sampleWords(lang: string, unit: Unit, rand: () => number): Sample[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const candidates: Sample[] = [];
  for (const file of pages(path.join(DIST, lang))) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-body') || html.includes('data-fallback-notice')) continue;
    const page = '/' + path.relative(DIST, path.dirname(file)).split(path.sep).join('/') + '/';
    for (const run of runsOf(textNodes(html), lang, unit)) {
      const words = [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
      words.forEach((word, i) => {
        // A Khmer word has a letter (consonant or independent vowel): ICU also calls the repetition sign ៗ word-like.
        const ok = lang === 'km' ? /^[\u1780-\u17FF]+$/.test(word) && /[\u1780-\u17B3]/.test(word) && i > 0 : /^[A-Za-z]{3,}$/.test(word) && i > 0;
        if (!ok) return;
        candidates.push({ word, page });
      });
    }
  }
  const samples: Sample[] = [];
  const used = new Set<string>();
  while (samples.length < SAMPLE && used.size < candidates.length) {
    const pick = Math.floor(rand() * candidates.length);
    if (used.has(String(pick))) continue;
    used.add(String(pick));
    samples.push(candidates[pick]);
  }
  return samples;
}

/** Searches each sampled word through the search page's own query path and prints the recall figures. */
async function measureRecall(page: Page, lang: string, label: string, samples: Sample[]) {
  const found = await page.evaluate(async (samples) => {
    const search = document.querySelector('site-search') as HTMLElement & { query(q: string, limit?: number): Promise<{ url: string }[]> };
    const hits: { rank: number; results: number }[] = [];
    for (const s of samples) {
      const urls = (await search.query(s.word, 1000)).map((r) => r.url.split('#')[0]);
      hits.push({ rank: urls.indexOf(s.page), results: urls.length });
    }
    return hits;
  }, samples);
  const rate = (xs: boolean[]) => (xs.length ? ((100 * xs.filter(Boolean).length) / xs.length).toFixed(1) : 'n/a');
  const top10 = found.map((f) => f.rank >= 0 && f.rank < 10);
  const anywhere = found.map((f) => f.rank >= 0);
  const narrow = found.filter((f) => f.results <= 10).map((f) => f.rank >= 0 && f.rank < 10);
  console.log(`[${lang}] ${label}: page in top 10 for ${rate(top10)}% of ${found.length} sampled words`);
  console.log(`[${lang}]   page found at any rank (the word is searchable where it stands): ${rate(anywhere)}%`);
  console.log(`[${lang}]   page in top 10 for the ${narrow.length} words with at most 10 results (where ranking cannot push it out): ${rate(narrow)}%`);
  const broad = found.filter((f) => f.results > 10);
  console.log(`[${lang}]   words with more than 10 results (a top 10 cannot hold all their pages): ${broad.length} of ${found.length}, page in top 10 for ${rate(broad.map((f) => f.rank >= 0 && f.rank < 10))}%`);
  console.log(`[${lang}]   reference: pages ordered by how often they use the exact word, ties in the page's favour: ${exactCountReference(samples, wordCounts(lang)).toFixed(1)}%`);
  const misses = samples.filter((_, i) => !top10[i]).slice(0, 5).map((s) => `${s.word} (${s.page})`);
  if (misses.length) console.log(`[${lang}]   examples of misses: ${misses.join('; ')}`);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function indexSize(lang: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const own = [`vocabulary-${lang}.json`, `wasm.${lang}.pagefind`, `terms-${lang}.json`, `spelling-${lang}.json`, `cards-${lang}.json`];
  for (const entry of readdirSync(path.join(DIST, 'pagefind'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    if (entry.name.startsWith(`${lang}_`) || entry.name.includes(`.${lang}_`) || own.includes(entry.name)) {
      files++;
      bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    }
  }
  return { files, bytes };
}

interface Task {
  q: string;
  answer: string[];
  kind: string[];
}
/** A ranked result as a reader sees it: its link and the links shown under it (records of a list, sections of a page). */
interface Shown {
  url: string;
  parts: string[];
}

/** The 1-based rank of the first result that shows one of the answers (as its own link or one shown under it), or 0. */
function rankOf(shown: Shown[], answers: string[]): number {
  const same = (url: string, answer: string) => (answer.includes('#') ? url === answer : url.split('#')[0] === answer);
  const i = shown.findIndex((r) => answers.some((a) => same(r.url, a) || (a.includes('#') && r.parts.some((p) => same(p, a)))));
  return i + 1;
}

function taskFigures(ranks: number[]): string {
  const share = (ok: number) => `${((100 * ok) / ranks.length).toFixed(1)}%`;
  const mrr = ranks.reduce((sum, r) => sum + (r ? 1 / r : 0), 0) / ranks.length;
  return `top-1 ${share(ranks.filter((r) => r === 1).length)}, top-5 ${share(ranks.filter((r) => r >= 1 && r <= 5).length)}, MRR ${mrr.toFixed(3)} (${ranks.length} tasks)`;
}

/**
 * Default Pagefind as Starlight ships it: the built HTML indexed with stock settings (its own reading of
 * data-pagefind-body, no records, no word separation, no weights), in a temporary folder.
 */
async function defaultPagefindIndex(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pagefind-default-'));
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  const added = await index.addDirectory({ path: DIST, glob: '{en,km}/**/*.html' });
  if (added.errors.length) throw new Error(added.errors.join('\n'));
  await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
  await pagefind.close();
  for (const lang of ['en', 'km']) writeFileSync(path.join(dir, `${lang}.html`), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${lang}</title></head><body></body></html>`);
  return dir;
}

/** Runs the tasks through the site's search page and through default Pagefind; prints both. */
async function measureTasks(page: Page, other: Page, defaultUrl: string, lang: string, tasks: Task[]) {
  const ours = await page.evaluate(async (tasks) => {
    const search = document.querySelector('site-search') as HTMLElement & { query(q: string, limit?: number): Promise<{ url: string; parts: string[]; corrected?: string }[]> };
    const out: { shown: { url: string; parts: string[] }[]; corrected?: string }[] = [];
    for (const t of tasks) {
      const shown = await search.query(t.q, 10);
      out.push({ shown, corrected: shown[0]?.corrected });
    }
    return out;
  }, tasks);
  await other.goto(`${defaultUrl}/${lang}.html`);
  const theirs = await other.evaluate(async (tasks) => {
    const pagefind = await import(`${location.origin}/pagefind/pagefind.js`);
    await pagefind.init();
    const out: { url: string; parts: string[] }[][] = [];
    for (const t of tasks) {
      const found = await pagefind.search(t.q);
      type Data = { url: string; sub_results: { url: string }[] };
      const top: Data[] = await Promise.all(found.results.slice(0, 10).map((r: { data(): Promise<Data> }) => r.data()));
      out.push(top.map((d) => ({ url: d.url, parts: d.sub_results.filter((s) => s.url.includes('#')).slice(0, 3).map((s) => s.url) })));
    }
    return out;
  }, tasks);
  const oursRanks = tasks.map((t, i) => rankOf(ours[i].shown, t.answer));
  const theirRanks = tasks.map((t, i) => rankOf(theirs[i], t.answer));
  const subset = (kind: string, ranks: number[]) => ranks.filter((_, i) => tasks[i].kind.includes(kind));
  console.log(`[${lang}] tasks, this site:        ${taskFigures(oursRanks)}`);
  console.log(`[${lang}] tasks, default Pagefind: ${taskFigures(theirRanks)}`);
  for (const kind of ['typo', 'table', 'phrase', 'short', 'variant', 'cross']) {
    if (!subset(kind, oursRanks).length) continue;
    console.log(`[${lang}]   ${kind}: this site ${taskFigures(subset(kind, oursRanks))}; default ${taskFigures(subset(kind, theirRanks))}`);
  }
  const misses = tasks.flatMap((t, i) => (oursRanks[i] === 1 ? [] : [`${t.q} → ${oursRanks[i] || 'not in top 10'} (first: ${ours[i].shown[0]?.url ?? 'nothing'})`]));
  if (misses.length) console.log(`[${lang}]   not first on this site: ${misses.join('; ')}`);
  const corrected = tasks.flatMap((t, i) => (ours[i].corrected ? [`${t.q} → ${ours[i].corrected}`] : []));
  if (corrected.length) console.log(`[${lang}]   corrected: ${corrected.join('; ')}`);
}

const TASKS = JSON.parse(readFileSync(new URL('./search-tasks.json', import.meta.url), 'utf8')) as Record<string, Task[]>;
const server = await serveBuiltSite();
const defaultDir = ONLY === 'words' ? null : await defaultPagefindIndex();
const defaultServer = defaultDir ? await serveDirectory(defaultDir) : null;
const browser = await launchBrowser();
const rand = seededRandom(20261123);
try {
  console.log(`Search benchmark, ${new Date().toISOString().slice(0, 10)}, sample ${SAMPLE} words per language, seed 20261123`);
  for (const lang of ['en', 'km']) {
    const size = indexSize(lang);
    console.log(`\n[${lang}] index: ${size.files} files, ${(size.bytes / 1024).toFixed(1)} KiB on disk (fragments, index chunks, filters, meta${lang === 'km' ? ', vocabulary' : ', wasm'})`);
    const page = await browser.newPage();
    await page.goto(`${server.url}/${lang}/search/`);
    // Load search exactly as the page does (focus loads the index), then time calls through its own query path.
    await page.focus('[data-search-input]');
    await page.waitForFunction(() => document.querySelector('[data-search-filters]') && !(document.querySelector('[data-search-filters]') as HTMLElement).hidden, null, { timeout: 20_000 });
    const timings = await page.evaluate(async (queries) => {
      const search = document.querySelector('site-search') as HTMLElement & { query(q: string, limit?: number): Promise<string[]> };
      for (const q of queries) await search.query(q, 0); // warm: loads the index chunks these queries need
      const times: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const q of queries) {
          const t0 = performance.now();
          await search.query(q, 0);
          times.push(performance.now() - t0);
        }
      }
      return times;
    }, QUERIES[lang]);
    console.log(`[${lang}] search call (the page's query path: segmentation + pagefind.search), ${timings.length} calls: median ${quantile(timings, 0.5).toFixed(2)} ms, p95 ${quantile(timings, 0.95).toFixed(2)} ms`);

    // Keystroke to rendered results, through the page's own UI (debounce included): to the results shown
    // (type, title, link and the records under a list), and to the last of their excerpts filled in.
    const keystrokes: number[] = [];
    const excerpted: number[] = [];
    for (const q of QUERIES[lang]) {
      await page.fill('[data-search-input]', '');
      await page.waitForTimeout(200);
      const ms = await page.evaluate(async (query) => {
        const input = document.querySelector('[data-search-input]') as HTMLInputElement;
        const results = document.querySelector('[data-search-results]')!;
        const t0 = performance.now();
        let shown = 0;
        const done = new Promise<[number, number]>((resolve) => {
          const check = () => {
            if (!results.children.length) return false;
            shown ||= performance.now() - t0;
            if (results.querySelector('.search-result__excerpt[data-pending]')) return false;
            resolve([shown, performance.now() - t0]);
            return true;
          };
          new MutationObserver((_, obs) => check() && obs.disconnect()).observe(results, { childList: true, subtree: true, attributes: true });
        });
        input.value = query;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        return done;
      }, q);
      keystrokes.push(ms[0]);
      excerpted.push(ms[1]);
    }
    console.log(`[${lang}] keystroke to rendered results (20 ms debounce included), ${keystrokes.length} queries: median ${quantile(keystrokes, 0.5).toFixed(1)} ms, p95 ${quantile(keystrokes, 0.95).toFixed(1)} ms`);
    console.log(`[${lang}] keystroke to every shown result's excerpt filled in: median ${quantile(excerpted, 0.5).toFixed(1)} ms, p95 ${quantile(excerpted, 0.95).toFixed(1)} ms`);

    if (ONLY !== 'words') {
      const other = await browser.newPage();
      await measureTasks(page, other, defaultServer!.url, lang, TASKS[lang]);
      await other.close();
    }

    // Recall of words from inside runs of text (the earlier measure, whose floors still hold) and, for English, inside sentences.
    if (ONLY !== 'tasks') {
      await measureRecall(page, lang, 'in-run recall (words not first in their run of text)', sampleWords(lang, 'run', rand));
      if (lang !== 'km') await measureRecall(page, lang, 'in-sentence recall (words not first in their sentence)', sampleWords(lang, 'sentence', rand));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await defaultServer?.close();
  if (defaultDir) rmSync(defaultDir, { recursive: true, force: true });
}
