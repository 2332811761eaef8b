/**
 * Horizontal bars for comparison, bar and grouped-bar charts: one block per measure, its label on its own
 * wrapped lines, then one bar per group (its group's name above it) with its value written at its end.
 * Labels never share a line with another label, so they cannot collide at any width. Every text has the
 * layout's one font size; bars and gaps are sized from it, so a chart keeps its proportions at any size.
 */
import { max, min, scaleLinear } from 'd3';
import { ChartLayoutError, layoutSizes, type ChartLabels, type ChartModel, type Mark } from './model';
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
  fontSize?: number;
  /**
   * stacked (default): each label on its own line above its bar, for narrow screens.
   * rows: the measure's name in a column on the left, its bars beside it, each bar's value and group
   * written after it: half the height, for a landscape slide.
   */
  arrangement?: 'stacked' | 'rows';
}

/** Bars never get less than this share of the width, so that their lengths still compare. */
const MIN_BAR_SHARE = 0.4;

export function toBarModel(input: BarModelInput): ChartModel {
  if (input.arrangement === 'rows') return toBarRowsModel(input);
  const { data, measures, groups, lang, labels } = input;
  const { width, fs, lineHeight, em } = layoutSizes(input);
  const [barHeight, barGap, blockGap, valueGap] = [em(1.5), em(0.35), em(1.1), em(0.4)];
  const values = data.map((d) => d.value).filter((v): v is number => v !== null);
  const valueText = (d: BarDatum) => (d.value === null ? labels.notGiven : input.formatValue(d.value));
  // "no figure in the source" may wrap under a zero-length bar; a number must fit beside its bar.
  const widestValue = max(data.filter((d) => d.value !== null), (d) => textWidth(valueText(d), fs, true)) ?? 0;
  if (widestValue + valueGap > width * (1 - MIN_BAR_SHARE)) {
    throw new ChartLayoutError(
      `its widest value label needs ${Math.ceil(widestValue)} px at ${fs} px text, which leaves less than ${MIN_BAR_SHARE * 100}% of a ${width} px layout for the bars; shorten the unit or the number format.`,
    );
  }
  const barSpace = width - widestValue - valueGap;
  const x = scaleLinear()
    .domain([Math.min(0, min(values) ?? 0), max(values) ?? 1])
    .range([0, barSpace]);

  const marks: Mark[] = [];
  let y = 0;
  const showGroupNames = groups.length > 1;
  // One measure: its name is the chart's subtitle already, so the bars start at the top.
  const showMeasureNames = measures.length > 1;
  for (const measure of measures) {
    if (showMeasureNames) {
      const lines = wrapText(input.measureLabel(measure), width, fs, lang, true);
      marks.push({ type: 'text', x: 0, y: y + fs, lines, lineHeight, fontSize: fs, weight: 'bold', tone: 'ink', lang });
      y += lines.length * lineHeight + barGap;
    }
    const blockTop = y;
    let barsBottom = y;
    groups.forEach((group, series) => {
      const datum = data.find((d) => d.measure === measure && d.group === group);
      if (!datum) return;
      const text = valueText(datum);
      const name = input.groupLabel(group);
      // With several groups, each bar gets its group's name on its own line above it: direct labels, no key.
      if (showGroupNames) {
        const nameLines = wrapText(name, width, fs, lang);
        marks.push({ type: 'text', x: 0, y: y + fs, lines: nameLines, lineHeight, fontSize: fs, tone: 'ink', lang });
        y += nameLines.length * lineHeight + barGap / 2;
      }
      const barWidth = datum.value === null ? 0 : Math.max(1, x(datum.value) - x(0));
      if (datum.value !== null) {
        marks.push({ type: 'rect', x: x(0), y, width: barWidth, height: barHeight, series, title: `${name}: ${text}` });
      }
      barsBottom = y + barHeight;
      // The value sits right of the bar; the scale leaves room for the widest value.
      const valueX = x(0) + barWidth + valueGap;
      const valueLines = datum.value === null ? wrapText(text, width - valueX, fs, lang) : [text];
      marks.push({
        type: 'text',
        x: valueX,
        y: y + barHeight / 2 + fs * 0.35,
        lines: valueLines,
        lineHeight,
        fontSize: fs,
        weight: datum.value === null ? 'normal' : 'bold',
        tone: datum.value === null ? 'muted' : 'ink',
        lang,
      });
      y += Math.max(barHeight, barHeight / 2 + fs * 0.35 + (valueLines.length - 1) * lineHeight + fs * 0.3) + barGap;
    });
    // With negative values, a zero line beside the bars shows where they start; otherwise they all
    // start at the left edge, and a line there would only run through the group names.
    if (x(0) > 0) marks.push({ type: 'line', x1: x(0), y1: blockTop, x2: x(0), y2: barsBottom, tone: 'axis' });
    y += blockGap - barGap;
  }
  return {
    width,
    height: Math.ceil(y - blockGap + fs * 0.3),
    marks,
    legend: [],
  };
}

/** Share of a rows chart's width given to the measure names. */
const ROWS_LABEL_SHARE = 0.3;

function toBarRowsModel(input: BarModelInput): ChartModel {
  const { data, measures, groups, lang, labels } = input;
  const { width, fs, lineHeight, em } = layoutSizes(input);
  const [barHeight, barGap, blockGap, valueGap] = [em(1.5), em(0.3), em(0.8), em(0.4)];
  const showMeasureNames = measures.length > 1;
  const showGroupNames = groups.length > 1;
  const labelWidth = showMeasureNames ? Math.round(width * ROWS_LABEL_SHARE) : 0;
  const valueText = (d: BarDatum) => (d.value === null ? labels.notGiven : input.formatValue(d.value));
  const afterText = (d: BarDatum) => (showGroupNames ? ` ${input.groupLabel(d.group)}` : '');
  const widest = max(data, (d) => textWidth(valueText(d), fs, true) + textWidth(afterText(d), fs)) ?? 0;
  const barSpace = width - labelWidth - widest - valueGap;
  if (barSpace < (width - labelWidth) * MIN_BAR_SHARE) {
    throw new ChartLayoutError(`its value and group labels need ${Math.ceil(widest)} px at ${fs} px text, too wide beside the bars of a ${width} px slide layout; shorten the group names.`);
  }
  const values = data.map((d) => d.value).filter((v): v is number => v !== null);
  const x = scaleLinear()
    .domain([Math.min(0, min(values) ?? 0), max(values) ?? 1])
    .range([labelWidth, labelWidth + barSpace]);
  const marks: Mark[] = [];
  let y = 0;
  for (const measure of measures) {
    const top = y;
    for (const [series, group] of groups.entries()) {
      const datum = data.find((d) => d.measure === measure && d.group === group);
      if (!datum) continue;
      const text = valueText(datum);
      const barWidth = datum.value === null ? 0 : Math.max(1, x(datum.value) - x(0));
      if (datum.value !== null) marks.push({ type: 'rect', x: x(0), y, width: barWidth, height: barHeight, series, title: `${input.groupLabel(group)}: ${text}` });
      const tx = x(0) + barWidth + valueGap;
      const ty = y + barHeight / 2 + fs * 0.35;
      marks.push({ type: 'text', x: tx, y: ty, lines: [text], lineHeight, fontSize: fs, weight: datum.value === null ? 'normal' : 'bold', tone: datum.value === null ? 'muted' : 'ink', lang });
      const after = afterText(datum);
      if (after) marks.push({ type: 'text', x: tx + textWidth(text, fs, true), y: ty, lines: [after.trim()], lineHeight, fontSize: fs, tone: 'ink', lang });
      y += barHeight + barGap;
    }
    if (showMeasureNames) {
      const lines = wrapText(input.measureLabel(measure), labelWidth - valueGap, fs, lang, true);
      marks.push({ type: 'text', x: 0, y: top + fs, lines, lineHeight, fontSize: fs, weight: 'bold', tone: 'ink', lang });
      y = Math.max(y, top + lines.length * lineHeight + barGap);
    }
    y += blockGap;
  }
  return { width, height: Math.ceil(y - blockGap - barGap + fs * 0.3), marks, legend: [] };
}
