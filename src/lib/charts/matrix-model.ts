/**
 * Direction-of-evidence matrix: outcomes down the side, groups across the top, and in each cell a shape
 * and a word (better, worse, no difference, mixed), so the reading never depends on colour alone.
 * It is drawn as an HTML table, not SVG, so that its words wrap the way the browser wraps text and are
 * never broken; on a narrow screen the same table reads one outcome at a time (see charts.css).
 */
import type { Direction } from '../data/findings';
import type { ChartLabels, SymbolMark } from './model';
import { textWidth } from './text';

export interface MatrixDatum {
  measure: string;
  group: string;
  direction: Direction | null;
}

export interface MatrixModelInput {
  data: MatrixDatum[];
  measures: string[];
  groups: string[];
  measureLabel: (measure: string) => string;
  groupLabel: (group: string) => string;
  labels: ChartLabels;
  lang: string;
  /** Text size the table is set in (CSS px), for the width estimate. */
  fontSize: number;
}

export interface MatrixCell {
  group: string;
  direction: Direction | null;
  /** The direction in words, or a dash where the source says nothing. */
  word: string;
  shape?: SymbolMark['shape'];
  tone?: string;
}

export interface MatrixView {
  groups: string[];
  rows: { label: string; cells: MatrixCell[] }[];
  /**
   * Narrowest container (px, one of WIDE_STEPS) in which the table fits with no word broken; below
   * it the outcomes are listed one at a time. Undefined: it never fits, always list.
   */
  wideFrom?: number;
}

export const DIRECTION_SHAPES: Record<Direction, { shape: SymbolMark['shape']; tone: string }> = {
  better: { shape: 'triangle-up', tone: 'better' },
  worse: { shape: 'triangle-down', tone: 'worse' },
  'no-difference': { shape: 'circle', tone: 'same' },
  mixed: { shape: 'diamond', tone: 'mixed' },
};

export function directionWord(direction: Direction, labels: ChartLabels): string {
  return { better: labels.better, worse: labels.worse, 'no-difference': labels.noDifference, mixed: labels.mixed }[direction];
}

/** Container widths at which the table layout may switch on (charts.css has one rule per step). */
export const WIDE_STEPS = [448, 544, 640, 704] as const;
/** Cell padding on both sides, the shape's width and the outcome column's least width, in em. */
const CELL_PAD_EM = 1;
const SHAPE_EM = 1.3;
const LABEL_MIN_EM = 8;

const longestWord = (text: string, lang: string, fs: number, bold = false) => {
  const words = [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map((s) => s.segment).filter((w) => w.trim());
  return Math.max(0, ...words.map((w) => textWidth(w, fs, bold)));
};

export function toMatrixView(input: MatrixModelInput): MatrixView {
  const { measures, groups, lang, labels, fontSize: fs } = input;
  const rows = measures.map((measure) => ({
    label: input.measureLabel(measure),
    cells: groups.map((group): MatrixCell => {
      const datum = input.data.find((d) => d.measure === measure && d.group === group);
      if (!datum?.direction) return { group: input.groupLabel(group), direction: null, word: '—' };
      return { group: input.groupLabel(group), direction: datum.direction, word: directionWord(datum.direction, labels), ...DIRECTION_SHAPES[datum.direction] };
    }),
  }));
  // The table needs each column as wide as its longest word (a header's, or a cell's beside its shape).
  const labelColumn = Math.max(LABEL_MIN_EM * fs, ...rows.map((r) => longestWord(r.label, lang, fs, true))) + CELL_PAD_EM * fs;
  const columns = groups.map((_, i) =>
    Math.max(longestWord(input.groupLabel(groups[i]), lang, fs, true), ...rows.map((r) => longestWord(r.cells[i].word, lang, fs) + SHAPE_EM * fs)) + CELL_PAD_EM * fs,
  );
  const needed = labelColumn + columns.reduce((a, b) => a + b, 0);
  return { groups: groups.map(input.groupLabel), rows, wideFrom: WIDE_STEPS.find((step) => step >= needed) };
}
