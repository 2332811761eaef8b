/**
 * What the review view shows, computed from the two files' text and the glossary: the frontmatter text (title,
 * summary, key messages) and the body, paired section by section and block by block, each pair with its glossary
 * marks, the figures that differ and the glossary terms the translation may have lost. Pure; review-html.ts
 * renders it.
 */
import { parseDocument } from 'yaml';
import type { GlossaryEntry } from '../check/glossary';
import { pairSections, parseBlocks, sections, type Block, type BlockKind } from './review-blocks';
import { compareFigures, figuresOf, type FigureDifference } from './review-figures';
import { markEnglish, markKhmer, segments, termsMissing, type Segment } from './review-terms';

export interface ReviewSource {
  file: string;
  lang: string;
  source: string;
}

export interface SideView {
  block: Block;
  segments: Segment[];
}

export interface PairView {
  /** 1-based number of the pair in the document, also its anchor (#p-N). */
  n: number;
  kind: BlockKind;
  original?: SideView;
  translation?: SideView;
  /** Figures written in digits on either side (for "figures match: …"). */
  figures: string[];
  differences: FigureDifference[];
  /** Glossary ids the original uses that the translation lacks. */
  missingTerms: string[];
  /** Glossary ids of avoided variants in the translation. */
  avoided: { id: string; found: string }[];
}

export interface SectionView {
  /** 0 for the frontmatter, then 1, 2, … (also the anchor #s-N). */
  index: number;
  kind: 'frontmatter' | 'preamble' | 'heading';
  pairs: PairView[];
  /** Blocks on each side, the heading included. */
  counts: { original: number; translation: number };
  /** Counts differ, or a block has no counterpart. */
  mismatch: boolean;
}

export interface ReviewModel {
  original: { file: string; lang: string; title: string };
  translation: { file: string; lang: string; title: string };
  sections: SectionView[];
  totals: { pairs: number; unpaired: number; figureDifferences: number; avoided: number; missingTerms: number };
}

function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!m) return { data: {}, body: source, bodyLine: 1 };
  return { data: (parseDocument(m[1]).toJS() ?? {}) as Record<string, unknown>, body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** The translatable frontmatter fields as blocks (title, summary, keyMessages.1 …), each at its line. */
export function frontmatterBlocks(source: string): Block[] {
  const { data } = splitFrontmatter(source);
  const lines = source.split(/\r?\n/);
  const lineOf = (re: RegExp, from = 0) => {
    const i = lines.findIndex((l, k) => k >= from && re.test(l));
    return i >= 0 ? i + 1 : 1;
  };
  const blocks: Block[] = [];
  for (const field of ['title', 'summary'] as const) {
    if (typeof data[field] === 'string') blocks.push({ kind: 'field', field, text: data[field] as string, line: lineOf(new RegExp(`^${field}\\s*:`)) });
  }
  const messages = Array.isArray(data.keyMessages) ? (data.keyMessages as unknown[]) : [];
  let from = lineOf(/^keyMessages\s*:/);
  messages.forEach((m, i) => {
    const text = typeof m === 'string' ? m : typeof m === 'object' && m && 'text' in m ? String((m as { text: unknown }).text) : '';
    const line = lineOf(/^\s*-\s/, from);
    from = line;
    blocks.push({ kind: 'field', field: `keyMessages.${i + 1}`, text, line });
  });
  return blocks;
}

function side(block: Block | undefined, lang: string, originalLang: string, glossary: GlossaryEntry[]): SideView | undefined {
  if (!block) return undefined;
  const marks = lang === originalLang ? markEnglish(block.text, glossary) : markKhmer(block.text, glossary);
  return { block, segments: segments(block.text, marks) };
}

export function buildReview(original: ReviewSource, translation: ReviewSource, glossary: GlossaryEntry[]): ReviewModel {
  let n = 0;
  const pairView = (a: Block | undefined, b: Block | undefined): PairView => {
    const o = side(a, original.lang, original.lang, glossary);
    const t = side(b, translation.lang, original.lang, glossary);
    const oMarks = a ? markEnglish(a.text, glossary) : [];
    const tMarks = b ? markKhmer(b.text, glossary) : [];
    return {
      n: ++n,
      kind: (a ?? b)!.kind,
      original: o,
      translation: t,
      figures: [...new Set([...figuresOf(a?.text ?? ''), ...figuresOf(b?.text ?? '')])],
      differences: a && b ? compareFigures(a.text, b.text) : [],
      missingTerms: a && b ? termsMissing(oMarks, tMarks) : [],
      avoided: tMarks.filter((m) => m.kind === 'avoid').map((m) => ({ id: m.id, found: b!.text.slice(m.start, m.end) })),
    };
  };
  const out: SectionView[] = [];
  const section = (index: number, kind: SectionView['kind'], pairs: PairView[]): SectionView => {
    const counts = { original: pairs.filter((p) => p.original).length, translation: pairs.filter((p) => p.translation).length };
    return { index, kind, pairs, counts, mismatch: counts.original !== counts.translation || pairs.some((p) => !p.original || !p.translation) };
  };

  const fmPairs = pairSections([{ blocks: frontmatterBlocks(original.source) }], [{ blocks: frontmatterBlocks(translation.source) }]);
  out.push(section(0, 'frontmatter', fmPairs.flatMap((s) => s.pairs.map(([a, b]) => pairView(a, b)))));

  const o = splitFrontmatter(original.source);
  const t = splitFrontmatter(translation.source);
  const paired = pairSections(sections(parseBlocks(o.body, o.bodyLine)), sections(parseBlocks(t.body, t.bodyLine)));
  paired.forEach((s, i) => {
    const heading = s.en?.heading || s.km?.heading ? [pairView(s.en?.heading, s.km?.heading)] : [];
    out.push(section(i + 1, heading.length ? 'heading' : 'preamble', [...heading, ...s.pairs.map(([a, b]) => pairView(a, b))]));
  });

  const all = out.flatMap((s) => s.pairs);
  const title = (source: string) => frontmatterBlocks(source).find((b) => b.field === 'title')?.text ?? '';
  return {
    original: { file: original.file, lang: original.lang, title: title(original.source) },
    translation: { file: translation.file, lang: translation.lang, title: title(translation.source) },
    sections: out,
    totals: {
      pairs: all.filter((p) => p.original && p.translation).length,
      unpaired: all.filter((p) => !p.original || !p.translation).length,
      figureDifferences: all.filter((p) => p.differences.length).length,
      avoided: all.reduce((k, p) => k + p.avoided.length, 0),
      missingTerms: all.filter((p) => p.missingTerms.length).length,
    },
  };
}
