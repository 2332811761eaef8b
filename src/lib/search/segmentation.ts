/**
 * Word segmentation for scripts written without spaces between words (Khmer here).
 * Pagefind splits words only on white space, so:
 *  - at index time, the copy of the text given to Pagefind has a space between adjacent Khmer words
 *    (found by Intl.Segmenter's ICU dictionary), and each space the author wrote between Khmer words
 *    becomes " \u2060 " so that it can be told apart from an inserted one;
 *  - at query time, the query is split by longest match against the vocabulary of indexed words, the
 *    same words the index holds (browsers' own segmenters split differently from Node's);
 *  - excerpts are put back as written: inserted spaces removed, marked ones restored.
 * This module has no Node or DOM dependencies: the browser uses it too.
 */

const KHMER_CHAR = /[\u1780-\u17FF\u19E0-\u19FF]/;
const KHMER_START = /^[\u1780-\u17FF\u19E0-\u19FF]/;
const KHMER_END = /[\u1780-\u17FF\u19E0-\u19FF]$/;
/** Marks a space the author wrote between two Khmer words. */
export const AUTHOR_SPACE = ' \u2060 ';

export function hasKhmer(text: string): boolean {
  return KHMER_CHAR.test(text);
}

// Creating a segmenter loads ICU data: make one and reuse it.
let sharedWordSegmenter: Intl.Segmenter | undefined;
const wordSegmenter = () => (sharedWordSegmenter ??= new Intl.Segmenter('km', { granularity: 'word' }));

/**
 * Words of this site that the ICU dictionary breaks into pieces which are words of their own:
 * ទេសន្តប្រវេសន៍ (migration) into ទេ ("not"), សន្ត and ប្រវេសន៍; the place names ខាត់ឡុន (Khatlon) and គូឡូប
 * (Kulob) into syllables. Indexed whole, a search for them is one word, not three that each match
 * hundreds of places (ទេ above all), and their excerpts mark the word, not its pieces.
 */
export const WHOLE_WORDS: readonly string[] = ['ទេសន្តប្រវេសន៍', 'ខាត់ឡុន', 'គូឡូប'];

type Segment = { segment: string; isWordLike?: boolean };

/** Segments with each run that spells one of `whole` joined into one word. */
export function joinWholeWords(segments: Segment[], whole: readonly string[] = WHOLE_WORDS): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    let joined: Segment | undefined;
    for (const word of whole) {
      if (!word.startsWith(segments[i].segment)) continue;
      let text = segments[i].segment;
      let j = i + 1;
      while (text.length < word.length && j < segments.length && word.startsWith(text + segments[j].segment)) text += segments[j++].segment;
      if (text === word && j > i + 1) {
        joined = { segment: word, isWordLike: true };
        i = j - 1;
        break;
      }
    }
    out.push(joined ?? segments[i]);
  }
  return out;
}

/** The index copy of a text: Khmer words separated by spaces; everything else unchanged. Words found go into `words`. */
export function segmentForIndex(text: string, segmenter: Intl.Segmenter = wordSegmenter(), words?: Set<string>): string {
  if (!hasKhmer(text)) return text;
  const segments = joinWholeWords([...segmenter.segment(text)]);
  if (words) for (const s of segments) if (s.isWordLike && KHMER_START.test(s.segment)) words.add(s.segment);
  const parts = segments.map((s) => s.segment);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const prev = parts[i - 1];
    const next = parts[i + 1];
    // A zero-width space marks a word boundary too, but Pagefind splits only on white space: it becomes an inserted space.
    if (/^\u200B+$/.test(part)) {
      out += ' ';
      continue;
    }
    if (/^\s+$/.test(part) && prev && next && KHMER_END.test(prev) && KHMER_START.test(next)) {
      out += AUTHOR_SPACE;
      continue;
    }
    if (prev && KHMER_END.test(prev) && KHMER_START.test(part)) out += ' ';
    out += part;
  }
  return out;
}

/** Khmer words of a text, as Intl.Segmenter finds them. */
export function khmerWords(text: string, segmenter: Intl.Segmenter = wordSegmenter()): string[] {
  const words: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike && KHMER_START.test(s.segment)) words.push(s.segment);
  return words;
}

let sharedGraphemeSegmenter: Intl.Segmenter | undefined;
const graphemeSegmenter = () => (sharedGraphemeSegmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' }));

export interface Vocabulary {
  words: Set<string>;
  /** Longest word, in grapheme clusters, to bound the search. */
  maxClusters: number;
}

export function makeVocabulary(words: Iterable<string>): Vocabulary {
  const set = new Set(words);
  const g = graphemeSegmenter();
  let maxClusters = 1;
  for (const w of set) maxClusters = Math.max(maxClusters, [...g.segment(w)].length);
  return { words: set, maxClusters };
}

/** Splits one run of Khmer by longest match against the vocabulary; unknown stretches stay together. */
function segmentKhmerRun(run: string, vocab: Vocabulary): string[] {
  const clusters = [...graphemeSegmenter().segment(run)].map((s) => s.segment);
  const out: string[] = [];
  let unknown = '';
  let i = 0;
  while (i < clusters.length) {
    let match = 0;
    for (let len = Math.min(vocab.maxClusters, clusters.length - i); len > 0; len--) {
      if (vocab.words.has(clusters.slice(i, i + len).join(''))) {
        match = len;
        break;
      }
    }
    if (match) {
      if (unknown) out.push(unknown);
      unknown = '';
      out.push(clusters.slice(i, i + match).join(''));
      i += match;
    } else {
      unknown += clusters[i];
      i += 1;
    }
  }
  if (unknown) out.push(unknown);
  return out;
}

/** The query as the index holds it: Khmer runs split into vocabulary words, other text unchanged. */
export function segmentQuery(query: string, vocab: Vocabulary): string {
  return query
    .split(/(\s+)/)
    .map((piece) => {
      if (!hasKhmer(piece)) return piece;
      // Keep non-Khmer characters (digits, Latin, punctuation) as their own pieces.
      return piece
        .split(/([^\u1780-\u17FF\u19E0-\u19FF]+)/)
        .filter(Boolean)
        .map((part) => (hasKhmer(part) ? segmentKhmerRun(part, vocab).join(' ') : part))
        .join(' ');
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An excerpt as written: inserted spaces between Khmer words removed, the author's spaces kept. */
export function restoreExcerpt(excerpt: string): string {
  const KEEP = '\u0000';
  return excerpt
    .replace(/\s*\u2060\s*/g, KEEP)
    .replace(/([\u1780-\u17FF\u19E0-\u19FF](?:<\/?mark>)*) (?=(?:<\/?mark>)*[\u1780-\u17FF\u19E0-\u19FF])/g, '$1')
    .replace(/\u0000/g, ' ');
}
