/**
 * Line breaking for share cards, as pure functions of a width measure: words wrap at the breaks the
 * language allows (Intl.Segmenter: spaces in English, dictionary word boundaries in Khmer, which has no
 * spaces between words), and text that needs more lines than the card has is cut at a word and ends with
 * an ellipsis. No line is ever wider than the width given, so nothing runs off the card.
 */

/** Width of a text, in the units of maxWidth (the card measures real shaped glyphs; tests pass a stand-in). */
export type Measure = (text: string) => number;

export interface WrapOptions {
  maxWidth: number;
  maxLines: number;
  /** BCP 47 language of the text: where it may break. */
  lang: string;
  measure: Measure;
  ellipsis?: string;
}

export interface Wrapped {
  lines: string[];
  /** True when text was left out (the last line then ends with the ellipsis). */
  truncated: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The text as pieces a line may end after: each word with the spaces and punctuation that follow it. */
export function breakPieces(text: string, lang: string): string[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'word' })));
  const pieces: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.replace(/\s+/g, ' ').trim())) {
    // A line may not start with a space or with punctuation (a comma, a closing bracket, Khmer ។): they stay with the word before.
    const attaches = !isWordLike && !/^[(“‘«\[{]/.test(segment);
    if (pieces.length && attaches) pieces[pieces.length - 1] += segment;
    // An opening bracket or quote goes with the word after it.
    else if (pieces.length && /[(“‘«\[{]$/.test(pieces[pieces.length - 1]) && !/\s$/.test(pieces[pieces.length - 1])) pieces[pieces.length - 1] += segment;
    else pieces.push(segment);
  }
  return pieces;
}

/** A piece too wide for any line, split into grapheme clusters (never inside one: a Khmer cluster keeps its subscripts and vowels). */
function splitByClusters(piece: string, maxWidth: number, measure: Measure): string[] {
  const parts: string[] = [];
  let part = '';
  for (const { segment } of graphemes.segment(piece)) {
    if (part && measure(part + segment) > maxWidth) {
      parts.push(part);
      part = '';
    }
    part += segment;
  }
  if (part) parts.push(part);
  return parts;
}

/** Lines no wider than maxWidth, at most maxLines of them; the last ends with an ellipsis when text was cut. */
export function wrapText(text: string, options: WrapOptions): Wrapped {
  const { maxWidth, maxLines, lang, measure, ellipsis = '…' } = options;
  if (maxLines < 1) return { lines: [], truncated: text.trim().length > 0 };
  const lines: string[] = [];
  let line = '';
  const pieces = breakPieces(text, lang).flatMap((p) => (measure(p.trimEnd()) > maxWidth ? splitByClusters(p, maxWidth, measure) : [p]));
  let i = 0;
  for (; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!line || measure((line + piece).trimEnd()) <= maxWidth) {
      line += piece;
      continue;
    }
    lines.push(line.trimEnd());
    line = piece;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    if (line.trim()) lines.push(line.trimEnd());
    return { lines, truncated: false };
  }
  // Out of lines with text left over: end the last line with the ellipsis, dropping pieces (then clusters) until it fits.
  lines[maxLines - 1] = withEllipsis(lines[maxLines - 1], maxWidth, lang, measure, ellipsis);
  return { lines: lines.slice(0, maxLines), truncated: true };
}

/** The line cut back at a word (or a cluster) until the line and the ellipsis fit. */
export function withEllipsis(line: string, maxWidth: number, lang: string, measure: Measure, ellipsis = '…'): string {
  const pieces = breakPieces(line, lang);
  while (pieces.length > 1 && measure(pieces.join('').trimEnd().replace(/[\s,;:.។៕-]+$/u, '') + ellipsis) > maxWidth) pieces.pop();
  let kept = pieces.join('').trimEnd().replace(/[\s,;:.។៕-]+$/u, '');
  if (measure(kept + ellipsis) > maxWidth) {
    const clusters = [...graphemes.segment(kept)].map((s) => s.segment);
    while (clusters.length && measure(clusters.join('') + ellipsis) > maxWidth) clusters.pop();
    kept = clusters.join('');
  }
  return kept + ellipsis;
}
