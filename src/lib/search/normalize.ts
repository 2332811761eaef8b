/**
 * Khmer spelling variants, folded to one form in the same way at index time (the copy handed to Pagefind)
 * and at query time (what the reader typed), so that a page written one way is found when typed another:
 *  - ឲ្យ and the informal អោយ are written ឱ្យ (the form the site's content uses);
 *  - coeng da (្ដ) is written coeng ta (្ត): the two subscripts look alike and are typed either way;
 *  - every variant that data/glossary.csv lists to avoid (avoid_km) becomes its term (term_km).
 * Glossary variants are whole stretches of text, replaced only on character-cluster boundaries, and never
 * inside a longer preferred term (the term "…ភាពចាស់ជរា" keeps its ending though "…ភាពចាស់" is a variant).
 * Pure functions without Node or DOM dependencies, imported with explicit extensions (the indexing worker
 * loads this file as it is); the browser uses them too.
 */

/** [variant, written form]: folded everywhere, inside words too. */
export const BUILT_IN_VARIANTS: readonly (readonly [string, string])[] = [
  ['ឲ្យ', 'ឱ្យ'],
  ['អោយ', 'ឱ្យ'],
  ['\u17D2\u178A', '\u17D2\u178F'],
];

/** Dependent vowels, signs and the coeng: a replacement may not start or end next to one. */
const dependent = (ch: string | undefined) => !!ch && ((ch >= '\u17B4' && ch <= '\u17D3') || ch === '\u17DD');
const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type Normalizer = (text: string) => string;

/**
 * A normaliser for the built-in variants and `pairs` ([variant, term], as the build writes them from the
 * glossary). Only Khmer pairs are used; Latin variants are a matter of style, not of search.
 */
export function makeNormalizer(pairs: readonly (readonly [string, string])[] = []): Normalizer {
  const fold = (s: string) => BUILT_IN_VARIANTS.reduce((t, [from, to]) => t.split(from).join(to), s);
  const map = new Map<string, string>();
  for (const [variant, term] of pairs) {
    if (!KHMER.test(variant) || !KHMER.test(term)) continue;
    const t = fold(term);
    map.set(fold(variant), t);
    // A term stands for itself, so that a variant inside it is not replaced.
    if (!map.has(t)) map.set(t, t);
  }
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  const pattern = keys.length ? new RegExp(keys.map(escape).join('|'), 'g') : null;
  return (text) => {
    if (!KHMER.test(text)) return text;
    const folded = fold(text);
    if (!pattern) return folded;
    return folded.replace(pattern, (found, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + found.length];
      if (before === '\u17D2' || dependent(after)) return found;
      return map.get(found) ?? found;
    });
  };
}
