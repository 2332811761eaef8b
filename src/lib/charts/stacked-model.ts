/**
 * Stacked bars: one bar per measure, one segment per group, in a shared scale. A segment's value is written
 * inside it when it fits; every segment is also listed, with its value, on lines of text under the bar,
 * so no label overlaps another and the reader never needs the colour key.
 */
import { max, scaleLinear, sum } from 'd3';
import { layoutSizes, type ChartModel, type Mark } from './model';
import type { BarModelInput } from './bar-model';
import { textWidth, wrapText } from './text';

export function toStackedModel(input: BarModelInput): ChartModel {
  const { data, measures, groups, lang } = input;
  const { width, fs, lineHeight, em } = layoutSizes(input);
  const [barHeight, blockGap, pad] = [em(1.8), em(1.2), em(0.35)];
  const totals = measures.map((m) => sum(data.filter((d) => d.measure === m), (d) => d.value ?? 0));
  const x = scaleLinear().domain([0, max(totals) || 1]).range([0, width]);
  const marks: Mark[] = [];
  let y = 0;
  measures.forEach((measure) => {
    const lines = wrapText(input.measureLabel(measure), width, fs, lang, true);
    marks.push({ type: 'text', x: 0, y: y + fs, lines, lineHeight, fontSize: fs, weight: 'bold', tone: 'ink', lang });
    y += lines.length * lineHeight + pad;
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
      marks.push({ type: 'rect', x: x(offset), y, width: Math.max(1, w), height: barHeight, series, title: `${name}: ${valueText}` });
      if (w - 2 * pad >= textWidth(valueText, fs)) {
        marks.push({ type: 'text', x: x(offset) + pad, y: y + barHeight / 2 + fs * 0.35, lines: [valueText], lineHeight, fontSize: fs, tone: 'on-bar', lang });
      }
      spill.push(`${name}: ${valueText}`);
      offset += datum.value;
    });
    y += barHeight + pad;
    const legendLines = spill.flatMap((item) => wrapText(item, width, fs, lang));
    marks.push({ type: 'text', x: 0, y: y + fs, lines: legendLines, lineHeight, fontSize: fs, tone: 'muted', lang });
    y += legendLines.length * lineHeight + blockGap;
  });
  return { width, height: Math.ceil(y - blockGap + fs * 0.4), marks, legend: groups.map((g, series) => ({ series, label: input.groupLabel(g) })) };
}
