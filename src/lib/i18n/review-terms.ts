/**
 * Glossary terms marked in a pair of blocks (data/glossary.csv): in the English, each term_en (and its acronym,
 * "IOM" for "International Organization for Migration (IOM)"); in the Khmer, each term_km and acronym, and
 * every avoided variant (avoid_km), found the same way as npm run check finds it. A term the English block uses
 * whose Khmer term the Khmer block lacks is listed for the reviewer (a hint, not an error: a sentence may be
 * rightly rebuilt without it). Pure: text and glossary in, marks out; rendering escapes the text.
 */
import { findAvoided, maskNonProse, type GlossaryEntry } from '../check/glossary';

export type MarkKind = 'term' | 'avoid';

export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  /** Glossary id. */
  id: string;
}

export type SegmentKind = 'text' | 'tag' | MarkKind;

export interface Segment {
  kind: SegmentKind;
  text: string;
  /** Glossary id, for term and avoid segments. */
  id?: string;
}

const TAG = /<\/?[A-Za-z][^<>]*>/g;
const blank = (s: string) => s.replace(/[^\n]/g, ' ');
const isDependent = (ch: string | undefined) => !!ch && ((ch >= '\u17B4' && ch <= '\u17D3') || ch === '\u17DD');

/** Tags, inline code and link targets blanked out, keeping every offset. */
function mask(text: string): string {
  return text.replace(TAG, blank).replace(/`[^`\n]*`/g, blank).replace(/\]\([^)\n]*\)/g, (s) => ']' + blank(s.slice(1)));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ACRONYM = /^[A-Z][A-Za-z]*[A-Z]$/;

/** The English forms of a term: "International Organization for Migration (IOM)" gives the name and "IOM". */
export function englishForms(entry: GlossaryEntry): { pattern: string; caseSensitive: boolean }[] {
  const forms: { pattern: string; caseSensitive: boolean }[] = [];
  const base = entry.termEn.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (base) forms.push({ pattern: base, caseSensitive: false });
  for (const m of entry.termEn.matchAll(/\(([^)]*)\)/g)) if (ACRONYM.test(m[1].trim())) forms.push({ pattern: m[1].trim(), caseSensitive: true });
  // A Khmer term written in Latin letters (USD) is the same in the English.
  if (/^[A-Za-z][A-Za-z0-9 ]*$/.test(entry.termKm)) forms.push({ pattern: entry.termKm, caseSensitive: true });
  return forms;
}

/** Keeps the longest of overlapping marks (then the earliest), sorted by position. */
function longestFirst(marks: Mark[]): Mark[] {
  const kept: Mark[] = [];
  for (const m of [...marks].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function englishMatches(masked: string, entry: GlossaryEntry): Mark[] {
  const marks: Mark[] = [];
  for (const form of englishForms(entry)) {
    // A plural ("caregivers", "outputs") is the same term.
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(form.pattern).replace(/ /g, '\\s+')}(?:s|es)?(?![\\p{L}\\p{N}])`, form.caseSensitive ? 'gu' : 'giu');
    for (const m of masked.matchAll(re)) marks.push({ start: m.index!, end: m.index! + m[0].length, kind: 'term', id: entry.id });
  }
  return marks;
}

export function markEnglish(text: string, glossary: GlossaryEntry[]): Mark[] {
  const masked = mask(text);
  return longestFirst(glossary.flatMap((entry) => englishMatches(masked, entry)));
}

export function markKhmer(text: string, glossary: GlossaryEntry[]): Mark[] {
  const masked = mask(text);
  const avoided: Mark[] = [];
  const byVariant = new Map(glossary.flatMap((e) => e.avoid.map((v) => [v, e.id] as const)));
  for (const hit of findAvoided(maskNonProse(text), glossary)) avoided.push({ start: hit.index, end: hit.index + hit.length, kind: 'avoid', id: byVariant.get(hit.found) ?? '' });
  const terms: Mark[] = [];
  for (const entry of glossary) {
    for (let at = masked.indexOf(entry.termKm); at >= 0; at = masked.indexOf(entry.termKm, at + 1)) {
      const end = at + entry.termKm.length;
      if (masked[at - 1] === '\u17D2' || isDependent(masked[end]) || isDependent(masked[at])) continue;
      terms.push({ start: at, end, kind: 'term', id: entry.id });
    }
    // Words the Khmer text keeps in Latin letters (UNICEF, UN Women, "Migration MPTF") count as the term too;
    // an avoided Latin variant ("Output" in Khmer prose) is marked as avoided instead, below.
    for (const m of englishMatches(masked, entry)) terms.push({ ...m, kind: 'term' });
  }
  // An avoided variant wins over a term it overlaps: it is what the reviewer must see.
  return longestFirst([...avoided, ...terms.filter((t) => !avoided.some((a) => a.start < t.end && t.start < a.end))]);
}

/** Glossary ids the original uses that the translation does not (neither the term nor an avoided variant). */
export function termsMissing(originalMarks: Mark[], translationMarks: Mark[]): string[] {
  const have = new Set(translationMarks.map((m) => m.id));
  return [...new Set(originalMarks.map((m) => m.id))].filter((id) => !have.has(id));
}

/** The text cut into plain runs, tags (<Cite … />, shown apart) and marked terms, in order; nothing is lost. */
export function segments(text: string, marks: Mark[]): Segment[] {
  const cuts: { start: number; end: number; kind: SegmentKind; id?: string }[] = [];
  for (const m of text.matchAll(TAG)) cuts.push({ start: m.index!, end: m.index! + m[0].length, kind: 'tag' });
  for (const m of marks) if (!cuts.some((c) => c.start < m.end && m.start < c.end)) cuts.push(m);
  cuts.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const c of cuts) {
    if (c.start > at) out.push({ kind: 'text', text: text.slice(at, c.start) });
    out.push({ kind: c.kind, text: text.slice(c.start, c.end), ...(c.id ? { id: c.id } : {}) });
    at = c.end;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}
