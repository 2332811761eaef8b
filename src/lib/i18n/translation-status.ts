/**
 * What is left to translate, for npm run i18n:status and npm run i18n:stamp: every content file and every
 * translated text column of the data, with its counterpart in each other language and whether it is stale.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { siteConfig } from '../config/site-config';
import { listContent, type ContentFile } from '../check/content';
import { freshness, sourceHashOf, splitFrontmatter, textHash, type Freshness } from './source-hash';
import { describeReview, reviewOf, reviewState, type ReviewRecord, type ReviewState } from './review-record';

export interface StatusRow {
  /** Content file, or "data/file.csv row-id column". */
  item: string;
  lang: string;
  status: Freshness;
  /** original, machine, translated, reviewed (content files). */
  translation?: string;
  /** The recorded review (content files marked reviewed), and whether the English changed since. */
  review?: { record: ReviewRecord; state: ReviewState };
}

export function contentHashOf(file: ContentFile): string {
  return sourceHashOf(file.source);
}

/** The translated text columns of the data, as "file: id column -> column_en". */
export const TRANSLATED_COLUMNS: Record<string, string[]> = {
  'recommendations.csv': ['question', 'finding', 'policy', 'text', 'actor'],
  'practices.csv': ['summary'],
  'charts.csv': ['title', 'subtitle', 'note'],
  'themes.csv': ['label'],
  'countries.csv': ['label'],
  'actors.csv': ['label'],
};
export const LEDGER = 'translations.csv';

interface LedgerRow {
  file: string;
  id: string;
  column: string;
  lang: string;
  source_hash: string;
}

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

function readLedger(dataRoot: string): LedgerRow[] {
  const file = path.join(dataRoot, LEDGER);
  return existsSync(file) ? (readCsv(file) as unknown as LedgerRow[]) : [];
}

interface DataCell {
  file: string;
  id: string;
  column: string;
  lang: string;
  hash: string;
  exists: boolean;
}

/** Findings files carry translated labels and notes too. */
function translatedColumns(dataRoot: string): [string, string[]][] {
  const findings = existsSync(path.join(dataRoot, 'findings'))
    ? readdirSync(path.join(dataRoot, 'findings')).filter((f) => f.endsWith('.csv')).map((f): [string, string[]] => [`findings/${f}`, ['measure', 'group', 'note']])
    : [];
  return [...Object.entries(TRANSLATED_COLUMNS), ['sources.csv', ['short', 'publisher', 'obtain']], ['practice-topics.csv', ['label']], ...findings];
}

function dataCells(dataRoot: string, langs: string[], defaultLocale: string): DataCell[] {
  const cells: DataCell[] = [];
  for (const [name, columns] of translatedColumns(dataRoot)) {
    const file = path.join(dataRoot, name);
    if (!existsSync(file)) continue;
    for (const row of readCsv(file)) {
      for (const column of columns) {
        const original = (row[`${column}_${defaultLocale}`] ?? '').trim();
        if (!original) continue;
        for (const lang of langs) {
          if (!(`${column}_${lang}` in row)) continue;
          cells.push({ file: name, id: row.id, column, lang, hash: textHash(original), exists: (row[`${column}_${lang}`] ?? '').trim() !== '' });
        }
      }
    }
  }
  return cells;
}

export function translationStatus(): StatusRow[] {
  const config = siteConfig();
  const others = config.locales.map((l) => l.code).filter((c) => c !== config.defaultLocale);
  const files = listContent(config.contentRoot);
  const rows: StatusRow[] = [];
  for (const original of files.filter((f) => f.lang === config.defaultLocale)) {
    const hash = contentHashOf(original);
    for (const lang of others) {
      const twin = files.find((f) => f.collection === original.collection && f.slug === original.slug && f.lang === lang);
      const data = twin ? splitFrontmatter(twin.source).data : {};
      const record = reviewOf(data);
      rows.push({
        item: path.relative(process.cwd(), twin?.file ?? path.join(config.contentRoot, original.collection, lang, `${original.slug}.mdx`)),
        lang,
        status: freshness(hash, { exists: !!twin, recordedHash: data.sourceHash as string | undefined }),
        translation: data.translation as string | undefined,
        ...(record ? { review: { record, state: reviewState(hash, data) } } : {}),
      });
    }
  }
  const ledger = readLedger(config.dataRoot);
  for (const cell of dataCells(config.dataRoot, others, config.defaultLocale)) {
    const recorded = ledger.find((l) => l.file === cell.file && l.id === cell.id && l.column === cell.column && l.lang === cell.lang);
    rows.push({ item: `data/${cell.file} ${cell.id} ${cell.column}_${cell.lang}`, lang: cell.lang, status: freshness(cell.hash, { exists: cell.exists, recordedHash: recorded?.source_hash }) });
  }
  return rows;
}

export interface ReviewRow {
  /** The translation's file, relative to the working directory. */
  file: string;
  /** The original it was reviewed against. */
  original: string;
  record: ReviewRecord;
  state: ReviewState;
}

/**
 * Every recorded review under a content root, with whether the original changed since (stale). Explicit
 * arguments rather than the site config, so that tests can point it at a fixture.
 */
export function reviewStatus(contentRoot: string, defaultLocale: string): ReviewRow[] {
  const files = listContent(contentRoot);
  const rows: ReviewRow[] = [];
  for (const twin of files.filter((f) => f.lang !== defaultLocale)) {
    const data = splitFrontmatter(twin.source).data;
    const record = reviewOf(data);
    const original = files.find((f) => f.collection === twin.collection && f.slug === twin.slug && f.lang === defaultLocale);
    if (!record || !original) continue;
    rows.push({ file: path.relative(process.cwd(), twin.file), original: path.relative(process.cwd(), original.file), record, state: reviewState(contentHashOf(original), data) });
  }
  return rows;
}

/** npm run check: a stale review is a warning (the text is still readable; the review needs repeating). */
export function staleReviewWarnings(contentRoot: string, defaultLocale: string): { severity: 'warning'; where: string; message: string }[] {
  return reviewStatus(contentRoot, defaultLocale)
    .filter((r) => r.state === 'stale')
    .map((r) => ({
      severity: 'warning' as const,
      where: `${r.file}:1`,
      message: `${describeReview(r.record, r.state)} (${r.original}). Review it again: npm run i18n:review -- ${r.file}, then --record --reviewer "Full Name".`,
    }));
}

let staleCache: Set<string> | undefined;

/** Stale data cells, for readers: "file id column lang" keys; read once per build. */
export function staleDataCells(): Set<string> {
  if (staleCache) return staleCache;
  const config = siteConfig();
  const others = config.locales.map((l) => l.code).filter((c) => c !== config.defaultLocale);
  const ledger = readLedger(config.dataRoot);
  const stale = new Set<string>();
  for (const cell of dataCells(config.dataRoot, others, config.defaultLocale)) {
    const recorded = ledger.find((l) => l.file === cell.file && l.id === cell.id && l.column === cell.column && l.lang === cell.lang);
    if (cell.exists && recorded && recorded.source_hash !== cell.hash) stale.add(`${cell.file} ${cell.id} ${cell.column} ${cell.lang}`);
  }
  staleCache = stale;
  return stale;
}

/**
 * Records that the given translations match their originals as they are now: content files get a
 * sourceHash in their frontmatter, data cells a line in data/translations.csv. With no paths, stamps all.
 */
export function stampTranslations(only: string[] = []): string[] {
  const config = siteConfig();
  const others = config.locales.map((l) => l.code).filter((c) => c !== config.defaultLocale);
  const files = listContent(config.contentRoot);
  const stamped: string[] = [];
  const wanted = (item: string) => !only.length || only.some((o) => item.includes(o));
  for (const twin of files.filter((f) => f.lang !== config.defaultLocale)) {
    const original = files.find((f) => f.collection === twin.collection && f.slug === twin.slug && f.lang === config.defaultLocale);
    const rel = path.relative(process.cwd(), twin.file);
    if (!original || !wanted(rel)) continue;
    const hash = contentHashOf(original);
    const updated = /^sourceHash:.*$/m.test(twin.source)
      ? twin.source.replace(/^sourceHash:.*$/m, `sourceHash: "${hash}"`)
      : twin.source.replace(/^(---\r?\n[\s\S]*?)(\r?\n---)/, `$1\nsourceHash: "${hash}"$2`);
    if (updated !== twin.source) {
      writeFileSync(twin.file, updated);
      stamped.push(rel);
    }
  }
  const ledger = readLedger(config.dataRoot);
  const keep = new Map(ledger.map((l) => [`${l.file} ${l.id} ${l.column} ${l.lang}`, l]));
  for (const cell of dataCells(config.dataRoot, others, config.defaultLocale)) {
    const key = `${cell.file} ${cell.id} ${cell.column} ${cell.lang}`;
    if (!cell.exists || !wanted(`data/${cell.file}`)) continue;
    if (keep.get(key)?.source_hash !== cell.hash) stamped.push(`data/${key}`);
    keep.set(key, { file: cell.file, id: cell.id, column: cell.column, lang: cell.lang, source_hash: cell.hash });
  }
  const rows = [...keep.values()].sort((a, b) => `${a.file} ${a.id} ${a.column} ${a.lang}`.localeCompare(`${b.file} ${b.id} ${b.column} ${b.lang}`));
  writeFileSync(path.join(config.dataRoot, LEDGER), Papa.unparse(rows, { columns: ['file', 'id', 'column', 'lang', 'source_hash'], newline: '\n' }) + '\n');
  return stamped;
}
