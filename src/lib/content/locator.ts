/**
 * Source locators ("1. SUMMARY OF KEY ACHIEVEMENTS DURING THE REPORTING PERIOD", "Section 2, Output 2.1") as a
 * reader should see them: in sentence case, and on Khmer pages with the locator words and section names in
 * Khmer where data/locators.csv has them. Pure: the Khmer terms come in as an argument; locatorTerms()
 * (src/lib/data/locators.ts) loads them from the CSV once and is the default.
 *
 * Sentence case keeps:
 * - text in quotes ("…", “…”, '…', ‘…’), which quotes the document;
 * - acronyms: an all-caps word in a locator that also has lower case (PAISD, GFMD), and in an all-caps
 *   locator the words of ACRONYMS; words with digits (DMM/353/2020, 1.1d) or inner capitals (CoWFA);
 * - proper names: PROPER_NAMES and every country name Intl knows, when the source capitalised them;
 * - a capitalised word before a number (Table 2.1, Output 2.3, No. 7200): numbered parts are names.
 * A run of two or more all-caps words (or an all-caps locator) is the source shouting, and is lowered.
 */
import { locatorTerms } from '../data/locators';

/** A piece of a formatted locator in one language; Khmer pages mark English pieces with lang="en". */
export interface LocatorPart {
  text: string;
  lang: string;
}
export interface FormattedLocator {
  /** The whole locator as it should be printed. */
  text: string;
  /** 'en' when nothing was translated; otherwise the page language (English names may remain inside: see parts). */
  lang: string;
  /** The same text split where the language changes. */
  parts: LocatorPart[];
}
/** Normalised English (see termKey) -> Khmer. Entries with "{n}" take a number: "section {n}" -> "ផ្នែកទី {n}". */
export type LocatorTerms = ReadonlyMap<string, string>;

/** Acronyms that stay in capitals even when the locator around them is all capitals. */
export const ACRONYMS = new Set(
  'ACP CBT COVID CSO CT DMM EPRI EU FAO GALS GFMD GS ILO IOM MDG MDGS MICCAF MIDA MMPTF MPTF NCCT NGO NGOS NSPC NSPPF OECD PAISD PSC PUNO PUNOS PWYC RCI RCIS RT SIMP SRH TRQN UK UN UNDP UNICEF US USA USD WHO'.split(' '),
);

/**
 * Names the documents capitalise that sentence case must not lower: programmes, funds, places, peoples and
 * the entries of the GFMD annex that MDX cites by name. Country names come from Intl (see properNames()).
 */
export const PROPER_NAMES = [
  'IOM Development Fund', 'Migration MPTF', 'Migration Multi-Partner Trust Fund', 'Family Package', 'Juvenile Support Services',
  'Ministry of Foreign Affairs and International Cooperation', 'Ministry of Foreign Affairs', 'Ministry of Interior',
  'UN Women', 'UNICEF Working Paper', 'Millennium Development Goals', 'Achievement Fund', 'Extended Migration Profile',
  'Circular Migration between Ghana and Italy', 'MIDA Ghana Health Project', 'Temporary Return of Qualified Nationals',
  'Three for One (Trés por Uno) Program', 'Togo Diaspora Program', 'ACP Observatory on Migration', 'Post-2015',
  'Khatlon', 'Kulob', 'Vose', 'Tajik', 'Khmer', 'Cambodian', 'Phnom Penh', 'Geneva', 'Stockholm', 'English',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

const QUOTED = /"[^"]*"|“[^”]*”|‘[^’]*’|(?<![\p{L}\p{N}])'[^']*'(?!\p{L})/gu;
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.\-/]*[\p{L}\p{N}])?/gu;
const CLAUSE_BREAK = /[;,:/]/;
const words = (s: string) => s.match(WORD) ?? [];

let names: string[][] | undefined;
function properNames(): string[][] {
  if (names) return names;
  const regions = new Intl.DisplayNames('en', { type: 'region' });
  const countries: string[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = regions.of(code);
        if (name && name !== code) countries.push(name);
      } catch {
        // Not a region code.
      }
    }
  // Longest first, so "Ministry of Foreign Affairs and International Cooperation" wins over its start.
  names = [...PROPER_NAMES, ...countries].map(words).sort((x, y) => y.length - x.length);
  return names;
}

const isCaps = (w: string) => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w) && w.replace(/[^\p{L}]/gu, '').length >= 2;
const hasDigit = (w: string) => /\p{N}/u.test(w);
const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Lowers a title-cased word part by part ("Cross-Cutting" -> "cross-cutting"); inner capitals (CoWFA) stay. */
function lowerTitle(w: string, keepFirst: boolean): string {
  return w
    .split('-')
    .map((p, i) => (/^\p{Lu}[\p{Ll}'’]*$/u.test(p) && !(keepFirst && i === 0) ? p.toLowerCase() : p))
    .join('-');
}

/** The locator in sentence case (see the module comment for what is kept). */
export function sentenceCase(locator: string): string {
  // Tokens: quoted spans (kept), words, and what lies between.
  type Token = { text: string; kind: 'quote' | 'word' | 'gap' };
  const tokens: Token[] = [];
  let at = 0;
  for (const q of locator.matchAll(QUOTED)) {
    pushText(locator.slice(at, q.index));
    tokens.push({ text: q[0], kind: 'quote' });
    at = q.index + q[0].length;
  }
  pushText(locator.slice(at));
  function pushText(s: string) {
    let i = 0;
    for (const w of s.matchAll(WORD)) {
      if (w.index > i) tokens.push({ text: s.slice(i, w.index), kind: 'gap' });
      tokens.push({ text: w[0], kind: 'word' });
      i = w.index + w[0].length;
    }
    if (i < s.length) tokens.push({ text: s.slice(i), kind: 'gap' });
  }

  const unquoted = tokens.filter((t) => t.kind !== 'quote').map((t) => t.text).join('');
  const allCaps = !/\p{Ll}/u.test(unquoted);
  const wordIdx = tokens.flatMap((t, i) => (t.kind === 'word' ? [i] : []));
  const out = tokens.map((t) => t.text);

  // Proper names the source capitalised keep their own spelling.
  const keep = new Set<number>();
  const lower = wordIdx.map((i) => tokens[i].text.toLowerCase());
  for (const name of properNames()) {
    const want = name.map((w) => w.toLowerCase());
    for (let k = 0; k + want.length <= lower.length; k++) {
      if (want.some((w, j) => lower[k + j] !== w || keep.has(wordIdx[k + j]))) continue;
      want.forEach((_, j) => {
        const i = wordIdx[k + j];
        if (tokens[i].text !== lower[k + j]) out[i] = name[j];
        keep.add(i);
      });
    }
  }

  // In a numbered heading ("3. Innovation, Good Practices and Lessons Learned") a comma is part of the name.
  let inHeading = /^\d+(\.\d+)*\.\s/.test(locator);
  let clauseStart = true;
  tokens.forEach((t, i) => {
    if (t.kind === 'gap') {
      if (/[;/]/.test(t.text)) inHeading = false;
      if (CLAUSE_BREAK.test(t.text) && !(inHeading && !/[;:/]/.test(t.text))) clauseStart = true;
      return;
    }
    if (t.kind === 'quote' || keep.has(i)) {
      clauseStart = false;
      return;
    }
    const w = t.text;
    if (hasDigit(w)) return; // a number or a code; the clause has not started yet ("1. SUMMARY")
    const pos = wordIdx.indexOf(i);
    const next = tokens[wordIdx[pos + 1]]?.text ?? '';
    const prev = tokens[wordIdx[pos - 1]]?.text ?? '';
    if (isCaps(w)) {
      const shouting = !ACRONYMS.has(w) && !/^[IVX]+$/.test(w) && (allCaps || (isCaps(next) && !ACRONYMS.has(next)) || (isCaps(prev) && !ACRONYMS.has(prev)));
      if (shouting) out[i] = clauseStart ? capitalise(w.toLowerCase()) : w.toLowerCase();
    } else if (!(hasDigit(next) && /^\p{Lu}/u.test(w) && tokens.slice(i + 1, wordIdx[pos + 1]).every((g) => /^\.?\s+$/.test(g.text)))) {
      out[i] = lowerTitle(w, clauseStart);
    }
    clauseStart = false;
  });
  return out.join('');
}

/** The key a locator piece is looked up by: lower case, one space, no trailing full stop. */
export function termKey(s: string): string {
  return s.toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}

const REF = /^\d[\d.:\-–]*[a-z]?$/;

/** A piece of a locator in Khmer, or null when some word of it has no Khmer in the terms. */
function translateSegment(seg: string, terms: LocatorTerms): LocatorPart[] | null {
  const km = (text: string): LocatorPart[] => [{ text, lang: 'km' }];
  const whole = terms.get(termKey(seg));
  if (whole) return km(whole);
  const numbered = /^(\d+(?:\.\d+)*\.)\s+(.+)$/.exec(seg); // "7.1. Introduction"
  if (numbered) {
    const rest = translateSegment(numbered[2], terms);
    return rest && [{ text: `${numbered[1]} `, lang: 'km' }, ...rest];
  }
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(seg); // "Results, Outcome 4 (communication)"
  if (paren) {
    const core = translateSegment(paren[1], terms);
    const inner = translateSegment(paren[2], terms);
    return core && inner && [...core, { text: ' (', lang: 'km' }, ...inner, { text: ')', lang: 'km' }];
  }
  if (!/\p{L}/u.test(seg)) return km(seg); // a bare number ("7.5") reads the same in both languages
  const quoted = /^(\S+(?: \S+)?) ("[^"]*"|“[^”]*”|'[^']*'|‘[^’]*’)$/.exec(seg); // 'entry "Strategies to retain…"': the quote stays
  if (quoted && terms.has(termKey(quoted[1]))) return [{ text: `${terms.get(termKey(quoted[1]))} `, lang: 'km' }, { text: quoted[2], lang: 'en' }];
  return translateReferences(seg, terms);
}

/** "Output 2.3 and Table 2.1", "Sections 7.1 to 7.3", "Output 2.3 table of findings": numbered labels, then an optional name. */
function translateReferences(seg: string, terms: LocatorTerms): LocatorPart[] | null {
  const tokens = seg.split(' ');
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const template = terms.get(termKey(`${tokens[i]} {n}`));
    if (!template || !REF.test(tokens[i + 1]?.replace(/,$/, '') ?? '')) break;
    // Numbers joined by commas, "and" or "to" belong to the label: "footnotes 4, 5 and 7".
    let j = i + 1;
    const refs: string[] = [];
    while (j < tokens.length && REF.test(tokens[j].replace(/,$/, ''))) {
      refs.push(tokens[j]);
      const joiner = tokens[j + 1];
      if ((joiner === 'and' || joiner === 'to') && REF.test(tokens[j + 2] ?? '')) {
        refs.push(terms.get(joiner) ?? joiner);
        j += 2;
      } else j += 1;
    }
    const n = refs.join(' ').replace(/,$/, '');
    const comma = refs.at(-1)!.endsWith(',') ? ',' : '';
    // Khmer marks an ordinal with ទី before a whole number only ("ផ្នែកទី 2", but "ផ្នែក 7.1").
    out.push((/^\d+$/.test(n) ? template : template.replace('ទី {n}', ' {n}')).replace(/\s*\{n\}/, ` ${n}`).replace(/\s+/g, ' ') + comma);
    i = j;
    if (tokens[i] === 'and' && terms.get(termKey(`${tokens[i + 1]} {n}`))) {
      out.push(terms.get('and') ?? 'and');
      i += 1;
    }
  }
  if (!out.length) return null;
  if (i < tokens.length) {
    const rest = terms.get(termKey(tokens.slice(i).join(' ')));
    if (!rest) return null;
    out.push(rest);
  }
  return [{ text: out.join(' '), lang: 'km' }];
}

/** Splits at "; ", ", " (not before a number: "footnotes 4, 5"), " / " and ": ", outside quotes and brackets. */
function splitLocator(s: string): { seg: string; sep: string }[] {
  const quoted = [...s.matchAll(QUOTED)].map((q) => [q.index, q.index + q[0].length]);
  const inQuote = (i: number) => quoted.some(([a, b]) => i > a && i < b);
  const out: { seg: string; sep: string }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (depth || inQuote(i)) continue;
    const sep = /^(?:; |, (?!\d)|: | \/ )/.exec(s.slice(i))?.[0];
    if (!sep) continue;
    out.push({ seg: s.slice(start, i), sep });
    start = i + sep.length;
    i += sep.length - 1;
  }
  out.push({ seg: s.slice(start), sep: '' });
  return out;
}

/**
 * A locator for a page in `lang`: sentence case, and for Khmer the pieces data/locators.csv translates.
 * A piece with no Khmer stays English (sentence-cased) and is returned with lang 'en'.
 */
export function formatLocator(locator: string, lang: string, terms: LocatorTerms = locatorTerms(lang)): FormattedLocator {
  const english = sentenceCase(locator.trim());
  if (lang === 'en') return { text: english, lang: 'en', parts: [{ text: english, lang: 'en' }] };
  const parts: LocatorPart[] = [];
  // Whole groups first: a section name can hold a comma ("Innovation, good practices and lessons learned").
  for (const [g, group] of english.split('; ').entries()) {
    if (g) parts.push({ text: '; ', lang: parts.at(-1)?.lang ?? 'en' });
    const whole = translateSegment(group, terms);
    if (whole) {
      parts.push(...whole);
      continue;
    }
    for (const { seg, sep } of splitLocator(group)) {
      const done = translateSegment(seg, terms) ?? [{ text: seg, lang: 'en' }];
      parts.push(...done);
      // Khmer writes a colon as "៖".
      if (sep) parts.push({ text: sep === ': ' && done.at(-1)!.lang === lang ? '៖ ' : sep, lang: done.at(-1)!.lang });
    }
  }
  // Khmer pieces carry the page language; merge neighbours in one language.
  const merged: LocatorPart[] = [];
  for (const p of parts.map((p) => ({ ...p, lang: p.lang === 'km' ? lang : p.lang }))) {
    const last = merged.at(-1);
    if (last && last.lang === p.lang) last.text += p.text;
    else merged.push({ ...p });
  }
  const text = merged.map((p) => p.text).join('');
  return { text, lang: merged.some((p) => p.lang === lang) ? lang : 'en', parts: merged };
}
