/**
 * The Khmer vocabulary check: data/glossary.csv names one Khmer term per concept (term_km) and the variants
 * to avoid (avoid_km, separated by " | "). Every avoided variant found in Khmer text is an error with its
 * file and line (content/{collection}/km/*.mdx, src/config/ui/km.json) or file, row and column (`*_km` cells of
 * data/*.csv and data/findings/*.csv). A second rule keeps amounts of money in one form: "USD 1762",
 * "USD 414 ពាន់លាន", never "1762 USD", "414 ពាន់លានដុល្លារអាមេរិក" or "$414".
 *
 * Khmer is written without spaces between words, so a variant is matched as a plain string, with three guards:
 * - a hit must start and end on a Khmer character-cluster boundary (not next to a coeng or a dependent vowel or
 *   sign), and a Latin variant ("Output") must be a whole word;
 * - a hit that lies inside an occurrence of a longer preferred term is not a hit ("គោលនយោបាយជាតិស្តីពីភាពចាស់"
 *   is avoided, "គោលនយោបាយជាតិស្តីពីភាពចាស់ជរា" is the term);
 * - text that is not Khmer prose is masked first: MDX/HTML tags (with their attributes, such as the English
 *   section names in <Cite at="Output 2.1" />), inline code, link targets, and quotations that contain no Khmer
 *   (a document's own English words, such as "all enumerators demonstrated their ability").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsvText } from '../data/csv';
import type { Problem } from './problems';

export const GLOSSARY_FILE = 'glossary.csv';

export interface GlossaryEntry {
  id: string;
  termEn: string;
  termKm: string;
  noteEn: string;
  noteKm: string;
  /** Variants to avoid; never empty strings. */
  avoid: string[];
}

export interface Hit {
  index: number;
  length: number;
  found: string;
  message: string;
}

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;
const COENG = '\u17D2';
/** Dependent vowels, signs and the coeng: a string that starts or ends next to one splits a cluster. */
const isDependent = (ch: string | undefined) => !!ch && ((ch >= '\u17B4' && ch <= '\u17D3') || ch === '\u17DD');
const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}_]/u.test(ch) && !KHMER.test(ch);

/** Parses data/glossary.csv text; problems (duplicate ids, empty terms, a variant that is itself a term) are returned. */
export function parseGlossary(text: string, file: string): { entries: GlossaryEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const { rows } = parseCsvText(text, file);
  const entries: GlossaryEntry[] = [];
  const ids = new Set<string>();
  rows.forEach((r, i) => {
    const where = `${file} row ${i + 2}`;
    if (!r.id || !r.term_km || !r.term_en) problems.push({ severity: 'error', where, message: 'id, term_en and term_km are required.' });
    if (ids.has(r.id)) problems.push({ severity: 'error', where: `${where}, column "id"`, message: `"${r.id}" is already used.` });
    ids.add(r.id);
    const avoid = (r.avoid_km ?? '')
      .split('|')
      .map((v) => v.trim())
      .filter(Boolean);
    entries.push({ id: r.id, termEn: r.term_en, termKm: r.term_km, noteEn: r.note_en ?? '', noteKm: r.note_km ?? '', avoid });
  });
  const terms = new Map(entries.map((e) => [e.termKm, e.id]));
  entries.forEach((e, i) =>
    e.avoid.forEach((v) => {
      if (terms.has(v)) problems.push({ severity: 'error', where: `${file} row ${i + 2}, column "avoid_km"`, message: `"${v}" is the term of "${terms.get(v)}"; it cannot also be avoided.` });
    }),
  );
  return { entries, problems };
}

export function loadGlossary(dataRoot: string): { entries: GlossaryEntry[]; problems: Problem[] } {
  const file = path.join(dataRoot, GLOSSARY_FILE);
  if (!existsSync(file)) return { entries: [], problems: [] };
  return parseGlossary(readFileSync(file, 'utf8'), file);
}

/** Replaces what is not Khmer prose with spaces (keeping every offset and line break). */
export function maskNonProse(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text
    .replace(/^(?:import|export)\s.*$/gm, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/<\/?[A-Za-z][^<>]*>/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\]\([^)\n]*\)/g, (s) => ']' + blank(s.slice(1)))
    .replace(/"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|'[^'\n]*'/g, (s) => (KHMER.test(s) ? s : blank(s)));
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function onBoundary(text: string, start: number, end: number, variant: string): boolean {
  if (KHMER.test(variant[0])) {
    if (text[start - 1] === COENG || isDependent(text[start])) return false;
  } else if (isWordChar(text[start - 1])) return false;
  if (KHMER.test(variant[variant.length - 1])) {
    if (variant.endsWith(COENG) || isDependent(text[end])) return false;
  } else if (isWordChar(text[end])) return false;
  return true;
}

/** Avoided variants in text (already masked), longest hit first when hits overlap; hits inside a longer preferred term are skipped. */
export function findAvoided(text: string, glossary: GlossaryEntry[]): Hit[] {
  const preferred = glossary.flatMap((e) => occurrences(text, e.termKm).map((at) => ({ at, end: at + e.termKm.length })));
  const hits: (Hit & { end: number })[] = [];
  for (const entry of glossary) {
    for (const variant of entry.avoid) {
      for (const at of occurrences(text, variant)) {
        const end = at + variant.length;
        if (!onBoundary(text, at, end, variant)) continue;
        if (preferred.some((p) => p.at <= at && p.end >= end && p.end - p.at > variant.length)) continue;
        hits.push({ index: at, end, length: variant.length, found: variant, message: `"${variant}" is not the glossary term for ${entry.termEn}: write "${entry.termKm}" (data/glossary.csv, id ${entry.id}).` });
      }
    }
  }
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.index <= h.index && o.end >= h.end && o.length > h.length));
  return kept.sort((a, b) => a.index - b.index).map(({ end: _end, ...h }) => h);
}

const SCALE = '(?:ពាន់លាន|លាន|ពាន់|ប៊ីលាន)';
const CURRENCY_AFTER = new RegExp(`\\d[\\d,.]*\\s*${SCALE}?\\s*(?:USD|ដុល្លារ(?:អាមេរិក)?(?:\\s*\\(USD\\))?)`, 'g');
const DOLLAR_SIGN = /(?:US)?\$\s?\d[\d,.]*/g;

/** Amounts of money not written as "USD 1762" or "USD 414 ពាន់លាន" (text already masked). */
export function findCurrency(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(CURRENCY_AFTER)) {
    const number = /^\d[\d,.]*/.exec(m[0])![0];
    const scale = new RegExp(SCALE).exec(m[0])?.[0];
    hits.push({ index: m.index!, length: m[0].length, found: m[0], message: `amount "${m[0]}": in Khmer write the currency before the number, "USD ${number}${scale ? ` ${scale}` : ''}" (see data/glossary.csv, id usd).` });
  }
  for (const m of text.matchAll(DOLLAR_SIGN)) {
    const number = /\d[\d,.]*/.exec(m[0])![0];
    hits.push({ index: m.index!, length: m[0].length, found: m[0], message: `amount "${m[0]}": in Khmer write "USD ${number}" (see data/glossary.csv, id usd).` });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** The acronym a glossary term is known by: "(IOM)" at the end of term_en, or a term_en that is one all-capital word. */
export function acronymOf(entry: GlossaryEntry): string | undefined {
  const acronym = /\(([A-Z][A-Za-z]*[A-Z])\)$/.exec(entry.termEn)?.[1] ?? (/^[A-Z]{2,}$/.test(entry.termEn) ? entry.termEn : undefined);
  // A term whose Khmer is the acronym itself (USD) has nothing to spell out.
  return acronym && !entry.termKm.includes(acronym) ? acronym : undefined;
}

/**
 * Acronyms spelled out at their first use on a Khmer page: before the first "IOM" of its running text (the
 * summary comes first), the page must have given the full Khmer name (text already masked).
 */
export function findBareAcronyms(text: string, glossary: GlossaryEntry[]): Hit[] {
  const hits: Hit[] = [];
  for (const entry of glossary) {
    const acronym = acronymOf(entry);
    if (!acronym) continue;
    const first = occurrences(text, acronym).find((at) => onBoundary(text, at, at + acronym.length, acronym));
    if (first === undefined) continue;
    const spelled = text.indexOf(entry.termKm);
    if (spelled >= 0 && spelled < first) continue;
    hits.push({ index: first, length: acronym.length, found: acronym, message: `first use of "${acronym}" on this page: spell it out, "${entry.termKm} (${acronym})", at or before its first use (data/glossary.csv, id ${entry.id}).` });
  }
  return hits;
}

/** Glossary and currency hits in a Khmer text, with their 1-based line. */
export function checkKhmerText(text: string, glossary: GlossaryEntry[], options: { acronyms?: boolean } = {}): (Hit & { line: number })[] {
  const masked = maskNonProse(text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const currency = findCurrency(masked);
  // "414 ពាន់លានដុល្លារអាមេរិក" is one problem (the amount), not two.
  const terms = findAvoided(masked, glossary).filter((h) => !currency.some((c) => c.index <= h.index && c.index + c.length >= h.index + h.length));
  // A title may use the short form ("… របស់ UNICEF"); the running text from the summary on spells it out.
  const acronyms = options.acronyms ? findBareAcronyms(masked.replace(/^title:.*$/m, (line) => ' '.repeat(line.length)), glossary) : [];
  return [...terms, ...currency, ...acronyms].sort((a, b) => a.index - b.index).map((h) => ({ ...h, line: lineOf(h.index) }));
}

export interface GlossaryCheckInput {
  contentRoot: string;
  dataRoot: string;
  /** Extra Khmer text files checked line by line (the Khmer UI strings). */
  extraFiles?: string[];
  /** The Khmer language code (folder name under each collection). */
  lang?: string;
  /** The vocabulary; read from dataRoot/glossary.csv when not given. */
  glossary?: GlossaryEntry[];
}

function csvFiles(dataRoot: string): string[] {
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(dir, f)) : []);
  return [...list(dataRoot).filter((f) => path.basename(f) !== GLOSSARY_FILE), ...list(path.join(dataRoot, 'findings'))];
}

/** Every avoided variant and every amount in the wrong form in Khmer content, Khmer data cells and the Khmer UI strings. */
export function checkGlossary(input: GlossaryCheckInput): Problem[] {
  const lang = input.lang ?? 'km';
  const { entries, problems } = input.glossary ? { entries: input.glossary, problems: [] as Problem[] } : loadGlossary(input.dataRoot);
  if (!entries.length) return problems;
  const textFiles: string[] = [];
  for (const collection of ['reports', 'briefs', 'pages']) {
    const dir = path.join(input.contentRoot, collection, lang);
    if (existsSync(dir)) textFiles.push(...readdirSync(dir).filter((n) => /\.mdx?$/.test(n)).sort().map((n) => path.join(dir, n)));
  }
  for (const file of [...textFiles, ...(input.extraFiles ?? []).filter((f) => existsSync(f))]) {
    // Pages spell acronyms out at first use; UI strings are short labels used across pages.
    for (const hit of checkKhmerText(readFileSync(file, 'utf8'), entries, { acronyms: textFiles.includes(file) })) problems.push({ severity: 'error', where: `${file}:${hit.line}`, message: hit.message });
  }
  for (const file of csvFiles(input.dataRoot)) {
    let rows: Record<string, string>[];
    try {
      rows = parseCsvText(readFileSync(file, 'utf8'), file).rows;
    } catch {
      continue; // A broken file is reported by the data checks.
    }
    rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) {
        if (!column.endsWith(`_${lang}`) || !value) continue;
        for (const hit of checkKhmerText(value, entries)) {
          problems.push({ severity: 'error', where: `${file} row ${i + 2}, column "${column}"`, message: `${row.id ? `(id ${row.id}) ` : ''}${hit.message}` });
        }
      }
    });
  }
  return problems;
}
