/**
 * Horizontal bars for comparison, bar and grouped-bar charts: one block per measure, its label on its own
 * wrapped lines, then one bar per group (its group's name above it) with its value written at its end.
 * Labels never share a line with another label, so they cannot collide at any width.
 */
import { max, min, scaleLinear } from 'd3';
import { CHART_WIDTH, FONT_SIZE, LINE_HEIGHT, type ChartLabels, type ChartModel, type Mark } from './model';
import { textWidth, wrapText } from './text';

export interface BarDatum {
  measure: string;
  group: string;
  value: number | null;
}

export interface BarModelInput {
  data: BarDatum[];
  measures: string[];
  groups: string[];
  measureLabel: (measure: string) => string;
  groupLabel: (group: string) => string;
  formatValue: (value: number) => string;
  labels: ChartLabels;
  lang: string;
  width?: number;
}

const BAR_HEIGHT = 22;
const BAR_GAP = 5;
const BLOCK_GAP = 16;
const VALUE_GAP = 6;

export function toBarModel(input: BarModelInput): ChartModel {
  const { data, measures, groups, lang, labels } = input;
  const width = input.width ?? CHART_WIDTH;
  const lineHeight = FONT_SIZE * LINE_HEIGHT;
  const values = data.map((d) => d.value).filter((v): v is number => v !== null);
  const valueTexts = data.map((d) => (d.value === null ? labels.notGiven : input.formatValue(d.value)));
  const widestValue = max(valueTexts, (t) => textWidth(t, FONT_SIZE, true)) ?? 0;
  const barSpace = Math.max(width * 0.3, width - widestValue - VALUE_GAP);
  const x = scaleLinear()
    .domain([Math.min(0, min(values) ?? 0), max(values) ?? 1])
    .range([0, barSpace]);

  const marks: Mark[] = [];
  let y = 0;
  const showGroupNames = groups.length > 1;
  for (const measure of measures) {
    const lines = wrapText(input.measureLabel(measure), width, FONT_SIZE, lang, true);
    marks.push({ type: 'text', x: 0, y: y + FONT_SIZE, lines, lineHeight, fontSize: FONT_SIZE, weight: 'bold', tone: 'ink', lang });
    y += lines.length * lineHeight + 4;
    groups.forEach((group, series) => {
      const datum = data.find((d) => d.measure === measure && d.group === group);
      if (!datum) return;
      const valueText = datum.value === null ? labels.notGiven : input.formatValue(datum.value);
      const name = input.groupLabel(group);
      // With several groups, each bar gets its group's name on its own line above it.
      if (showGroupNames) {
        const nameLines = wrapText(name, width, FONT_SIZE - 1, lang);
        marks.push({ type: 'text', x: 0, y: y + FONT_SIZE - 2, lines: nameLines, lineHeight: (FONT_SIZE - 1) * 1.3, fontSize: FONT_SIZE - 1, tone: 'ink', lang });
        y += nameLines.length * (FONT_SIZE - 1) * 1.3 + 2;
      }
      const barWidth = datum.value === null ? 0 : Math.max(1, x(datum.value) - x(0));
      if (datum.value !== null) {
        marks.push({ type: 'rect', x: x(0), y, width: barWidth, height: BAR_HEIGHT, series, title: `${name}: ${valueText}` });
      }
      // The value sits right of the bar; the scale leaves room for the widest value.
      marks.push({
        type: 'text',
        x: x(0) + barWidth + VALUE_GAP,
        y: y + BAR_HEIGHT / 2 + FONT_SIZE * 0.35,
        lines: [valueText],
        lineHeight,
        fontSize: FONT_SIZE,
        weight: datum.value === null ? 'normal' : 'bold',
        tone: datum.value === null ? 'muted' : 'ink',
        lang,
      });
      y += BAR_HEIGHT + BAR_GAP;
    });
    y += BLOCK_GAP - BAR_GAP;
  }
  // Baseline at zero, so bar lengths read from a common start.
  marks.push({ type: 'line', x1: x(0), y1: 0, x2: x(0), y2: y - BLOCK_GAP, tone: 'axis' });
  return {
    width,
    height: Math.ceil(y - BLOCK_GAP + 4),
    marks,
    legend: showGroupNames ? groups.map((g, series) => ({ series, label: input.groupLabel(g) })) : [],
  };
}
