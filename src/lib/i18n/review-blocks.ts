/**
 * The review view's first step: an MDX text cut into the blocks a reviewer compares one by one (headings,
 * paragraphs, list items, table rows, components such as <Chart />), grouped into sections by heading, and two
 * such texts paired section by section and block by block. Pure: text in, structure out.
 *
 * Pairing is an alignment, not a zip: a block only pairs with a block of the same kind, and blocks that cite
 * the same section of the source (<Cite at="..."/>, which stays in English in every language), show the same
 * chart or carry the same figures pair first. A block with no counterpart is kept, on its own, and marked, so
 * that a missing or merged paragraph shows instead of shifting every later pair by one.
 */

export type BlockKind = 'field' | 'heading' | 'paragraph' | 'item' | 'row' | 'component' | 'code';

export interface Block {
  kind: BlockKind;
  /** The source text of the block, as written (MDX). */
  text: string;
  /** 1-based line in the file. */
  line: number;
  /** Heading level (2 for ##), or list nesting (0 for a top-level item). */
  depth?: number;
  /** Frontmatter fields: which one ("title", "summary", "keyMessages.1"). */
  field?: string;
  /** Inside <Notes>…</Notes> (a brief's speaker notes). */
  notes?: boolean;
}

export interface Section {
  /** Undefined for the text before the first heading. */
  heading?: Block;
  blocks: Block[];
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const COMPONENT = /^\s*<([A-Z][\w.]*)\b[^>]*\/>\s*$/;
const FENCE = /^\s*(```|~~~)/;

/**
 * Blocks of an MDX body. `firstLine` is the file line the body starts on, so every block keeps its real line.
 * Import and export lines are not text and are left out.
 */
export function parseBlocks(body: string, firstLine = 1): Block[] {
  const lines = body.split(/\r?\n/);
  const blocks: Block[] = [];
  let current: Block | undefined;
  let notes = false;
  let fence: string | undefined;
  const close = () => {
    if (current) blocks.push({ ...current, text: current.text.trim() });
    current = undefined;
  };
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    if (fence) {
      current!.text += `\n${raw}`;
      if (raw.trim().startsWith(fence)) {
        fence = undefined;
        close();
      }
      return;
    }
    const trimmed = raw.trim();
    if (!trimmed) return close();
    if (/^(import|export)\s/.test(raw)) return close();
    if (/^<Notes>\s*$/.test(trimmed)) {
      close();
      notes = true;
      return;
    }
    if (/^<\/Notes>\s*$/.test(trimmed)) {
      close();
      notes = false;
      return;
    }
    const flag = notes ? { notes: true } : {};
    const fenceMatch = FENCE.exec(raw);
    if (fenceMatch) {
      close();
      fence = fenceMatch[1];
      current = { kind: 'code', text: raw, line, ...flag };
      return;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      close();
      blocks.push({ kind: 'heading', text: heading[2], line, depth: heading[1].length, ...flag });
      return;
    }
    if (trimmed.startsWith('|')) {
      close();
      if (!TABLE_RULE.test(trimmed)) blocks.push({ kind: 'row', text: trimmed, line, ...flag });
      return;
    }
    if (COMPONENT.test(raw)) {
      close();
      blocks.push({ kind: 'component', text: trimmed, line, ...flag });
      return;
    }
    const item = ITEM.exec(raw);
    if (item) {
      close();
      current = { kind: 'item', text: raw.slice(item[0].length), line, depth: Math.floor(item[1].replace(/\t/g, '  ').length / 2), ...flag };
      return;
    }
    if (current) current.text += `\n${trimmed}`;
    else current = { kind: 'paragraph', text: trimmed, line, ...flag };
  });
  close();
  return blocks;
}

/** Blocks grouped by heading; the first section holds what comes before the first heading (often nothing). */
export function sections(blocks: Block[]): Section[] {
  const out: Section[] = [{ blocks: [] }];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push({ heading: b, blocks: [] });
    else out[out.length - 1].blocks.push(b);
  }
  return out[0].blocks.length ? out : out.slice(1);
}

/** What two translations of a block share whatever their language: cited locators, component ids, figures. */
export function anchors(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/\bat="([^"]*)"/g)) found.add(`at:${m[1]}`);
  for (const m of text.matchAll(/<(\w+)\b[^>]*\b(?:id|dataset)="([^"]*)"/g)) found.add(`${m[1]}:${m[2]}`);
  for (const n of figuresOf(text)) found.add(`n:${n}`);
  return found;
}

// Kept here (not imported from review-figures) so that this module stands alone; review-figures re-uses it.
const KHMER_DIGITS = /[\u17E0-\u17E9]/g;
/** Numbers written in digits, with tags, inline code and link targets left out; thousands separators removed. */
export function figuresOf(text: string): string[] {
  const prose = text
    .replace(KHMER_DIGITS, (d) => String(d.charCodeAt(0) - 0x17e0))
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\]\([^)\n]*\)/g, ']');
  const out: string[] = [];
  for (const m of prose.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const raw = m[0];
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) out.push(raw.replace(/,/g, ''));
    else out.push(...raw.split(',').filter(Boolean));
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Global alignment of two lists (Needleman–Wunsch with no gap cost): `score` says how well two items match,
 * or null when they may not be paired. Returns pairs in order; a missing side is undefined.
 */
export function align<A, B>(a: readonly A[], b: readonly B[], score: (x: A, y: B) => number | null): [A | undefined, B | undefined][] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const best = new Float64Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const s = score(a[i - 1], b[j - 1]);
      let v = Math.max(best[(i - 1) * cols + j], best[i * cols + j - 1]);
      if (s !== null) v = Math.max(v, best[(i - 1) * cols + j - 1] + s);
      best[i * cols + j] = v;
    }
  }
  const out: [A | undefined, B | undefined][] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0) {
      const s = score(a[i - 1], b[j - 1]);
      if (s !== null && Math.abs(best[i * cols + j] - (best[(i - 1) * cols + j - 1] + s)) < 1e-9) {
        out.push([a[i - 1], b[j - 1]]);
        i--;
        j--;
        continue;
      }
    }
    // Prefer leaving the later English block alone first, so gaps fall at the end of a run.
    if (i > 0 && (j === 0 || best[i * cols + j] === best[(i - 1) * cols + j])) {
      out.push([a[i - 1], undefined]);
      i--;
    } else {
      out.push([undefined, b[j - 1]]);
      j--;
    }
  }
  return out.reverse();
}

/** How well two blocks match: same kind required (and the same heading level, component or field). */
export function blockScore(x: Block, y: Block): number | null {
  if (x.kind !== y.kind || !!x.notes !== !!y.notes) return null;
  if (x.kind === 'heading' && x.depth !== y.depth) return null;
  if (x.kind === 'field' && x.field !== y.field) return null;
  if (x.kind === 'component') {
    const name = (t: string) => /^<([\w.]+)/.exec(t)?.[1];
    if (name(x.text) !== name(y.text)) return null;
  }
  return 1 + jaccard(anchors(x.text), anchors(y.text));
}

function sectionAnchors(s: Section): Set<string> {
  return anchors([s.heading?.text ?? '', ...s.blocks.map((b) => b.text)].join('\n'));
}

export interface SectionPair {
  en?: Section;
  km?: Section;
  /** Block pairs of the section (the heading not included). */
  pairs: [Block | undefined, Block | undefined][];
}

/** Pairs two texts' sections (by heading level and shared anchors), then the blocks of each section pair. */
export function pairSections(original: Section[], translation: Section[]): SectionPair[] {
  const sectionScore = (x: Section, y: Section): number | null => {
    if (!x.heading !== !y.heading) return null;
    if (x.heading && y.heading && x.heading.depth !== y.heading.depth) return null;
    return 1 + 2 * jaccard(sectionAnchors(x), sectionAnchors(y));
  };
  return align(original, translation, sectionScore).map(([en, km]) => ({
    en,
    km,
    pairs: align(en?.blocks ?? [], km?.blocks ?? [], blockScore),
  }));
}
