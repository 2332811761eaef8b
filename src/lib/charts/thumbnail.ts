/**
 * A chart's thumbnail for the findings index: the marks of its narrowest layout without any text, so the
 * shape of the evidence shows at a glance. Decorative (aria-hidden): the card's link text names the
 * chart, and its page has the words and the data. Colours come from the chart classes (s0, s1, s2);
 * no patterns, which would blur at this size.
 */
import type { ChartModel } from './model';
import type { Direction } from '../data/findings';

const r = (n: number) => Math.round(n * 10) / 10;

export function thumbnailSvg(model: ChartModel): string {
  // Cropped to the marks: the room the labels had would only be blank here.
  const boxes = model.marks.flatMap((m) =>
    m.type === 'rect' ? [[m.x, m.y, m.x + m.width, m.y + m.height]] : m.type === 'line' ? [[Math.min(m.x1, m.x2), Math.min(m.y1, m.y2), Math.max(m.x1, m.x2), Math.max(m.y1, m.y2)]] : [],
  );
  if (!boxes.length) throw new Error('A chart thumbnail needs at least one bar or line.');
  const pad = 2;
  const [x0, y0] = [Math.min(...boxes.map((b) => b[0])) - pad, Math.min(...boxes.map((b) => b[1])) - pad];
  const [x1, y1] = [Math.max(...boxes.map((b) => b[2])) + pad, Math.max(...boxes.map((b) => b[3])) + pad];
  const shapes = model.marks
    .map((m) => {
      if (m.type === 'rect') return `<rect class="s${m.series % 3}" x="${r(m.x)}" y="${r(m.y)}" width="${r(m.width)}" height="${r(m.height)}"/>`;
      if (m.type === 'line') return `<line class="l-${m.tone}" x1="${r(m.x1)}" y1="${r(m.y1)}" x2="${r(m.x2)}" y2="${r(m.y2)}"/>`;
      return '';
    })
    .join('');
  return `<svg class="chart-svg chart-thumb" viewBox="${r(x0)} ${r(y0)} ${r(x1 - x0)} ${r(y1 - y0)}" preserveAspectRatio="xMinYMid meet" aria-hidden="true" focusable="false">${shapes}</svg>`;
}

const DIRECTION_CLASS: Record<Direction, string> = { better: 'm-better', worse: 'm-worse', mixed: 'm-mixed', 'no-difference': 'm-same' };

/** A direction matrix as a grid of squares, one row per group and one column per outcome, coloured by direction (blank where the source says nothing). */
export function matrixThumbnailSvg(rows: readonly (readonly (Direction | null)[])[]): string {
  const size = 10;
  const gap = 3;
  const columns = Math.max(...rows.map((row) => row.length));
  const cells = rows.flatMap((row, y) =>
    row.map((direction, x) => {
      const at = `x="${x * (size + gap)}" y="${y * (size + gap)}" width="${size}" height="${size}"`;
      return direction ? `<rect class="${DIRECTION_CLASS[direction]}" ${at}/>` : `<rect class="thumb-empty" ${at}/>`;
    }),
  );
  return `<svg class="chart-svg chart-thumb" viewBox="0 0 ${columns * (size + gap) - gap} ${rows.length * (size + gap) - gap}" preserveAspectRatio="xMinYMid meet" aria-hidden="true" focusable="false">${cells.join('')}</svg>`;
}
