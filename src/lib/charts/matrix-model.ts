/**
 * Direction-of-evidence matrix: outcomes down the side, groups across the top, and in each cell a shape
 * and a word (better, worse, no difference, mixed), so the reading never depends on colour alone.
 */
import type { Direction } from '../data/findings';
import { FONT_SIZE, MATRIX_WIDTH, type ChartLabels, type ChartModel, type Mark, type SymbolMark } from './model';
import { wrapText } from './text';

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
  width?: number;
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

const PAD = 8;

export function toMatrixModel(input: MatrixModelInput): ChartModel {
  const { measures, groups, lang, labels } = input;
  const width = input.width ?? MATRIX_WIDTH;
  const fs = FONT_SIZE - 1;
  const lh = fs * 1.4;
  const labelWidth = Math.round(width * (groups.length > 2 ? 0.34 : 0.42));
  const cellWidth = (width - labelWidth) / groups.length;
  const marks: Mark[] = [];

  // Column heads, wrapped to their cell.
  const heads = groups.map((g) => wrapText(input.groupLabel(g), cellWidth - PAD, fs, lang, true));
  const headHeight = Math.max(...heads.map((h) => h.length)) * lh + PAD;
  heads.forEach((lines, i) =>
    marks.push({ type: 'text', x: labelWidth + i * cellWidth + cellWidth / 2, y: fs, lines, lineHeight: lh, fontSize: fs, anchor: 'middle', weight: 'bold', tone: 'ink', lang }),
  );
  let y = headHeight;
  marks.push({ type: 'line', x1: 0, y1: y - PAD / 2, x2: width, y2: y - PAD / 2, tone: 'axis' });

  for (const measure of measures) {
    const rowLabel = wrapText(input.measureLabel(measure), labelWidth - PAD, fs, lang);
    const cells = groups.map((group) => {
      const datum = input.data.find((d) => d.measure === measure && d.group === group);
      const word = datum?.direction ? directionWord(datum.direction, labels) : '—';
      return { datum, lines: wrapText(word, cellWidth - PAD - 22, fs, lang) };
    });
    const rowHeight = Math.max(rowLabel.length, ...cells.map((c) => c.lines.length)) * lh + PAD;
    marks.push({ type: 'text', x: 0, y: y + fs + 2, lines: rowLabel, lineHeight: lh, fontSize: fs, tone: 'ink', lang });
    cells.forEach(({ datum, lines }, i) => {
      const cx = labelWidth + i * cellWidth + PAD;
      if (datum?.direction) {
        const { shape, tone } = DIRECTION_SHAPES[datum.direction];
        marks.push({ type: 'symbol', x: cx + 7, y: y + fs * 0.6 + 2, size: 13, shape, tone });
      }
      marks.push({ type: 'text', x: cx + 20, y: y + fs + 2, lines, lineHeight: lh, fontSize: fs, tone: datum?.direction ? 'ink' : 'muted', lang });
    });
    y += rowHeight;
    marks.push({ type: 'line', x1: 0, y1: y - PAD / 2, x2: width, y2: y - PAD / 2, tone: 'grid' });
  }
  return { width, height: Math.ceil(y), marks, legend: [] };
}
