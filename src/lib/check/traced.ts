/**
 * Every figure is the document's own: each findings value must appear, as printed, in the text extraction of
 * the document its row names (`seed_file` in data/sources.csv, in the seeds folder beside the project,
 * ../shared/seeds unless SEEDS_DIR says otherwise). Skipped, with nothing reported, where that folder is absent.
 *
 * "As printed" accepts the forms a document uses for one number: 2200000, 2,200,000, 2 200 000, "2.2 million",
 * and number words ("forty-seven", "six", "twice" for 2). Where the row's locator quotes a passage the document
 * prints, the value must sit near that passage (300 characters before, 600 after); otherwise anywhere in the
 * document. A value not found was mistyped, computed or taken from somewhere else; the check names the file,
 * the row and the column.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../data/findings';
import type { Problem } from './problems';

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** Words a document may print instead of the digits, for whole numbers below 100 (and "twice", "half"). */
function numberWords(value: number): string[] {
  if (!Number.isInteger(value) || value < 0 || value > 99) return value === 0.5 ? ['half'] : [];
  const words = value < 20 ? [ONES[value]] : value % 10 === 0 ? [TENS[value / 10]] : [`${TENS[Math.floor(value / 10)]}-${ONES[value % 10]}`, `${TENS[Math.floor(value / 10)]} ${ONES[value % 10]}`];
  if (value === 2) words.push('twice', 'double');
  return words;
}

/** The ways a document can print this value. */
export function printedForms(value: number): { digits: string[]; words: string[] } {
  const plain = String(value);
  const grouped = value.toLocaleString('en-US', { maximumFractionDigits: 10 });
  const digits = [...new Set([plain, grouped, grouped.replace(/,/g, ' '), grouped.replace(/,/g, '\u00a0')])];
  for (const [unit, size] of [['million', 1e6], ['billion', 1e9]] as const) {
    if (value >= size && value % (size / 10) === 0) digits.push(`${value / size} ${unit}`);
  }
  return { digits, words: numberWords(value) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when the value appears as printed in the text (digits not inside a longer number; words as whole words). */
export function appearsIn(value: number, text: string): boolean {
  const { digits, words } = printedForms(value);
  if (digits.some((form) => new RegExp(`(^|[^0-9.,])${escape(form)}(?![0-9]|[.,][0-9])`).test(text))) return true;
  return words.some((word) => new RegExp(`\\b${escape(word)}\\b`, 'i').test(text));
}

/** Passages a locator quotes from its document ('…', "…", ‘…’, “…”), six characters or longer. */
export function quotedPassages(locator: string): string[] {
  return [...locator.matchAll(/'([^']{6,})'|"([^"]{6,})"|‘([^’]{6,})’|“([^”]{6,})”/g)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4]).replace(/\s+/g, ' ').trim());
}

/** How far from a quoted passage its figure may sit: a table row prints the number some way after its label. */
const BEFORE = 300;
const AFTER = 600;

/**
 * The text a value must be found in: around each place the document prints a passage the locator quotes, or the
 * whole document when the locator quotes nothing the document prints (a column name, a section alone).
 */
export function searchScope(locator: string, doc: string): { text: string; near: string | null } {
  for (const passage of quotedPassages(locator)) {
    const spans: string[] = [];
    for (let at = doc.indexOf(passage); at !== -1; at = doc.indexOf(passage, at + 1)) {
      spans.push(doc.slice(Math.max(0, at - BEFORE), at + passage.length + AFTER));
    }
    if (spans.length) return { text: spans.join(' … '), near: passage };
  }
  return { text: doc, near: null };
}

export interface TracedInput {
  datasets: readonly Dataset[];
  /** Source id -> seed file name (data/sources.csv). */
  seedFiles: ReadonlyMap<string, string>;
  /** The folder holding the seed files. */
  seedsDir: string;
}

export function defaultSeedsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SEEDS_DIR ?? path.join('..', 'shared', 'seeds'));
}

/** One problem per findings value that its source document does not print. */
export function checkTraced({ datasets, seedFiles, seedsDir }: TracedInput): Problem[] {
  if (!existsSync(seedsDir)) return [];
  const texts = new Map<string, string | null>();
  const text = (source: string): string | null => {
    if (!texts.has(source)) {
      const file = seedFiles.get(source);
      const full = file ? path.join(seedsDir, file) : '';
      texts.set(source, file && existsSync(full) ? readFileSync(full, 'utf8').replace(/\s+/g, ' ') : null);
    }
    return texts.get(source)!;
  };
  const problems: Problem[] = [];
  for (const dataset of datasets) {
    dataset.rows.forEach((row, i) => {
      if (row.value === null) return;
      const where = `${dataset.file} row ${i + 2}, column "value"`;
      const doc = text(row.source);
      if (doc === null) {
        problems.push({ severity: 'error', where, message: `the text of source "${row.source}" (${seedFiles.get(row.source) ?? 'no seed_file in data/sources.csv'}) is not in ${seedsDir}, so ${row.value} cannot be checked. Add the seed file or correct seed_file in data/sources.csv.` });
        return;
      }
      const scope = searchScope(row.locator, doc);
      if (!appearsIn(row.value, scope.text)) {
        const { digits, words } = printedForms(row.value);
        const place = scope.near ? `near the passage its locator quotes ('${scope.near}')` : 'anywhere';
        problems.push({
          severity: 'error',
          where,
          message: `${row.value} (row ${row.id}) does not appear as printed ${place} in ${seedFiles.get(row.source)}, the text of source "${row.source}" (looked for ${[...digits, ...words].map((f) => `"${f}"`).join(', ')}). Copy the number exactly as the document prints it at the locator "${row.locator}"; a figure the site worked out itself is not a value (put it in note_en, labelled "derived", with its formula).`,
        });
      }
    });
  }
  return problems;
}
