/**
 * Text measurement and wrapping for SVG labels, which cannot wrap themselves. Widths are estimates in
 * font-size units, deliberately generous, so that wrapped labels never run into each other or off the chart.
 * Khmer has no spaces between words: Intl.Segmenter finds the word breaks.
 */

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Estimated advance of one grapheme cluster, in em. */
function clusterWidth(cluster: string): number {
  // Measured in Chromium with Noto Sans Khmer: about 0.93 em per cluster in bold; 1.0 leaves a margin.
  if (KHMER.test(cluster)) return 1.0;
  if (/[\s]/.test(cluster)) return 0.3;
  if (/[.,:;'’!|ilI()[\]]/.test(cluster)) return 0.32;
  if (/[MW@%—]/.test(cluster)) return 0.92;
  if (/[A-Z0-9$]/.test(cluster)) return 0.66;
  return 0.57;
}

/** Estimated width of a text in px at the given font size; bold text runs about 8% wider. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const { segment } of graphemes.segment(text)) em += clusterWidth(segment);
  return em * fontSize * (bold ? 1.08 : 1);
}

const wordSegmenters = new Map<string, Intl.Segmenter>();

/** Words with the spaces that follow them, split where a line may break in that language. */
function breakableParts(text: string, lang: string): string[] {
  let segmenter = wordSegmenters.get(lang);
  if (!segmenter) wordSegmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'word' })));
  const parts: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (/^\s+$/.test(segment) && parts.length) parts[parts.length - 1] += segment;
    else parts.push(segment);
  }
  return parts;
}

/** Wraps a label into lines no wider than maxWidth px; a single word wider than that is broken by clusters. */
export function wrapText(text: string, maxWidth: number, fontSize: number, lang: string, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const part of breakableParts(text, lang)) {
    if (textWidth(line + part.trimEnd(), fontSize, bold) <= maxWidth) {
      line += part;
      continue;
    }
    push();
    if (textWidth(part.trimEnd(), fontSize, bold) <= maxWidth) {
      line = part;
      continue;
    }
    for (const { segment } of graphemes.segment(part)) {
      if (textWidth(line + segment, fontSize, bold) > maxWidth) push();
      line += segment;
    }
  }
  push();
  return lines;
}
