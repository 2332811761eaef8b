/** A text description of a chart, generated from the same rows it draws, for screen readers and summaries. */
import type { Direction } from '../data/findings';
import type { ChartKind } from './definitions';
import type { ChartLabels } from './model';
import { directionWord } from './matrix-model';

export interface DescribeInput {
  kind: ChartKind;
  title: string;
  measures: string[];
  groups: string[];
  data: { measure: string; group: string; value: number | null; direction: Direction | null }[];
  measureLabel: (m: string) => string;
  groupLabel: (g: string) => string;
  formatValue: (v: number) => string;
  labels: ChartLabels & { listJoin: (items: string[]) => string; kindName: string };
}

export function describeChart(input: DescribeInput): string {
  const { data, labels } = input;
  const sentences = [`${labels.kindName}: ${input.title}.`];
  for (const measure of input.measures) {
    const parts = input.groups
      .map((group) => {
        const d = data.find((row) => row.measure === measure && row.group === group);
        if (!d) return null;
        const what = input.kind === 'direction-matrix' ? (d.direction ? directionWord(d.direction, labels) : labels.notGiven) : d.value === null ? labels.notGiven : input.formatValue(d.value);
        return input.groups.length > 1 ? `${input.groupLabel(group)} ${what}` : what;
      })
      .filter((p): p is string => p !== null);
    if (parts.length) sentences.push(`${input.measureLabel(measure)}: ${labels.listJoin(parts)}.`);
  }
  return sentences.join(' ');
}
