/**
 * Stacked bars: one bar per measure, one segment per group, in a shared scale. A segment's value is written
 * inside it when it fits; otherwise it goes to a line of text under the bar, so no label overlaps another.
 */
import { max, scaleLinear, sum } from 'd3';
import { CHART_WIDTH, FONT_SIZE, LINE_HEIGHT, type ChartModel, type Mark } from './model';
import type { BarModelInput } from './bar-model';
import { textWidth, wrapText } from './text';

const BAR_HEIGHT = 26;
const BLOCK_GAP = 18;
const PAD = 5;

export function toStackedModel(input: BarModelInput): ChartModel {
  const { data, measures, groups, lang } = input;
  const width = input.width ?? CHART_WIDTH;
  const lineHeight = FONT_SIZE * LINE_HEIGHT;
  const totals = measures.map((m) => sum(data.filter((d) => d.measure === m), (d) => d.value ?? 0));
  const x = scaleLinear().domain([0, max(totals) || 1]).range([0, width]);
  const marks: Mark[] = [];
  let y = 0;
  measures.forEach((measure) => {
    const lines = wrapText(input.measureLabel(measure), width, FONT_SIZE, lang, true);
    marks.push({ type: 'text', x: 0, y: y + FONT_SIZE, lines, lineHeight, fontSize: FONT_SIZE, weight: 'bold', tone: 'ink', lang });
    y += lines.length * lineHeight + 4;
    let offset = 0;
    const spill: string[] = [];
    groups.forEach((group, series) => {
      const datum = data.find((d) => d.measure === measure && d.group === group);
      const name = input.groupLabel(group);
      if (!datum) return;
      if (datum.value === null) {
        spill.push(`${name}: ${input.labels.notGiven}`);
        return;
      }
      const w = x(datum.value) - x(0);
      const valueText = input.formatValue(datum.value);
      marks.push({ type: 'rect', x: x(offset), y, width: Math.max(1, w), height: BAR_HEIGHT, series, title: `${name}: ${valueText}` });
      if (w - 2 * PAD >= textWidth(valueText, FONT_SIZE - 1)) {
        marks.push({ type: 'text', x: x(offset) + PAD, y: y + BAR_HEIGHT / 2 + (FONT_SIZE - 1) * 0.35, lines: [valueText], lineHeight, fontSize: FONT_SIZE - 1, tone: 'on-bar', lang });
      }
      spill.push(`${name}: ${valueText}`);
      offset += datum.value;
    });
    y += BAR_HEIGHT + 4;
    const legendLines = wrapText(spill.join(' · '), width, FONT_SIZE - 1, lang);
    marks.push({ type: 'text', x: 0, y: y + FONT_SIZE - 1, lines: legendLines, lineHeight: (FONT_SIZE - 1) * 1.35, fontSize: FONT_SIZE - 1, tone: 'muted', lang });
    y += legendLines.length * (FONT_SIZE - 1) * 1.35 + BLOCK_GAP;
  });
  return { width, height: Math.ceil(y - BLOCK_GAP + 6), marks, legend: groups.map((g, series) => ({ series, label: input.groupLabel(g) })) };
}
