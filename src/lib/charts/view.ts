/**
 * Everything a chart figure shows in one language: words, the SVG, its description, its data table,
 * its sources and its CSV. Built from a resolved chart; the component only renders this.
 */
import Papa from 'papaparse';
import type { FindingRow } from '../data/findings';
import { FINDING_COLUMNS, findingText } from '../data/findings';
import { formatValue } from '../data/format-value';
import { findSource, label } from '../data/registries';
import type { LocaleKit } from '../i18n';
import type { ResolvedChart } from './definitions';
import { toBarModel, type BarDatum } from './bar-model';
import { toStackedModel } from './stacked-model';
import { directionWord, toMatrixView, type MatrixView } from './matrix-model';
import { chartFontSize, layoutThresholds, pageLayouts, SLIDE_LAYOUT } from './layouts';
import { describeChart } from './describe';
import { ChartLayoutError, type ChartLabels, type ChartLayout, type ChartModel } from './model';
import { renderSvg } from './svg';
import { matrixThumbnailSvg, thumbnailSvg } from './thumbnail';
import { sentenceCase } from '../content/locator';

export interface ChartSourceRef {
  label: string;
  href: string;
  sections: string[];
}

export interface ChartView {
  id: string;
  title: string;
  subtitle: string;
  note: string;
  kindName: string;
  /** The chart drawn for each width it may be shown at, with the container width it is shown from. */
  layouts: { width: number; from: number; svg: string }[];
  /** A direction matrix is an HTML table instead. */
  matrix?: MatrixView;
  legend: ChartModel['legend'];
  description: string;
  descId: string;
  titleId: string;
  table: { measure: string; group: string; value: string; wording: string; population: string; source: string }[];
  sources: ChartSourceRef[];
  isMatrix: boolean;
  /** The plotted rows as CSV text, all columns. */
  csv: string;
  /** A small picture of the chart without words, for the findings index (see thumbnail.ts). */
  thumbnail: string;
}

export function chartLabels(kit: LocaleKit): ChartLabels {
  return {
    notGiven: kit.t('chart.notGiven'),
    better: kit.t('chart.better'),
    worse: kit.t('chart.worse'),
    noDifference: kit.t('chart.noDifference'),
    mixed: kit.t('chart.mixed'),
  };
}

export function rowsToCsv(rows: readonly FindingRow[]): string {
  return Papa.unparse(
    rows.map((r) => Object.fromEntries(FINDING_COLUMNS.map((c) => [c, formatCell((r as unknown as Record<string, unknown>)[c])]))),
    { columns: [...FINDING_COLUMNS], newline: '\n' },
  );
}
function formatCell(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

const pickText = (def: Record<string, string>, field: string, lang: string) => def[`${field}_${lang}`] || def[`${field}_en`] || '';

const builtViews = new WeakMap<ResolvedChart, Map<string, ChartView>>();

/** Where a chart is shown: a page (responsive layouts) or a slide (one layout for the projector). */
export type ChartVariant = 'page' | 'slide';

/** buildChartView, once per chart, language, id prefix and variant: a chart shown on many pages is laid out once. */
export function chartView(chart: ResolvedChart, kit: LocaleKit, idPrefix = 'chart', variant: ChartVariant = 'page'): ChartView {
  const views = builtViews.get(chart) ?? new Map<string, ChartView>();
  builtViews.set(chart, views);
  const key = `${kit.lang}|${idPrefix}|${variant}`;
  let view = views.get(key);
  if (!view) views.set(key, (view = buildChartView(chart, kit, idPrefix, variant)));
  return view;
}

export function buildChartView(chart: ResolvedChart, kit: LocaleKit, idPrefix = 'chart', variant: ChartVariant = 'page'): ChartView {
  const { def, rows, measures, groups } = chart;
  const lang = kit.lang;
  const labels = chartLabels(kit);
  const byMeasure = new Map(rows.map((r) => [r.measure, r]));
  const byGroup = new Map(rows.map((r) => [r.group, r]));
  const measureLabel = (m: string) => findingText(byMeasure.get(m)!, 'measure', lang);
  const groupLabel = (g: string) => findingText(byGroup.get(g)!, 'group', lang);
  const unit = rows.find((r) => r.value !== null)?.unit ?? 'count';
  const fmt = (v: number) => formatValue(v, unit, kit);
  const data: BarDatum[] = rows.map((r) => ({ measure: r.measure, group: r.group, value: r.value }));
  const base = { data, measures, groups, measureLabel, groupLabel, formatValue: fmt, labels, lang };

  const drawFor = (layout: ChartLayout): ChartModel => {
    const sized = { ...base, width: layout.width, fontSize: layout.fontSize, arrangement: variant === 'slide' ? ('rows' as const) : undefined };
    if (def.kind !== 'stacked-bar') return toBarModel(sized);
    // One bar per group (e.g. approved, received), one segment per measure (e.g. each agency).
    return toStackedModel({ ...sized, measures: groups, groups: measures, measureLabel: groupLabel, groupLabel: measureLabel, data: data.map((d) => ({ ...d, measure: d.group, group: d.measure })) });
  };
  const layoutsToDraw = variant === 'slide' ? [SLIDE_LAYOUT] : pageLayouts(lang);
  const thresholds = variant === 'slide' ? [0] : layoutThresholds();
  let models: ChartModel[] = [];
  let matrix: MatrixView | undefined;
  try {
    if (def.kind === 'direction-matrix') {
      const fontSize = variant === 'slide' ? SLIDE_LAYOUT.fontSize : chartFontSize(lang);
      matrix = toMatrixView({ ...base, fontSize, data: rows.map((r) => ({ measure: r.measure, group: r.group, direction: r.direction })) });
    } else {
      models = layoutsToDraw.map(drawFor);
    }
  } catch (error) {
    if (error instanceof ChartLayoutError) throw new Error(`Chart "${def.id}" (${lang}) cannot be laid out: ${error.message}`, { cause: error });
    throw error;
  }
  const id = `${idPrefix}-${def.id}`;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const title = pickText(def as unknown as Record<string, string>, 'title', lang);
  const kindName = kit.t(`chart.kind.${def.kind}`);
  const description = describeChart({
    kind: def.kind,
    title,
    measures,
    groups,
    data: rows.map((r) => ({ measure: r.measure, group: r.group, value: r.value, direction: r.direction })),
    measureLabel,
    groupLabel,
    formatValue: fmt,
    labels: { ...labels, kindName, listJoin: (items) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items) },
  });

  const sourceMap = new Map<string, ChartSourceRef>();
  for (const r of rows) {
    const doc = findSource(r.source)!;
    const ref = sourceMap.get(r.source) ?? { label: label(doc, lang, 'short'), href: `${kit.href(`reports/${doc.report}`)}#source-document`, sections: [] };
    if (!ref.sections.includes(r.section)) ref.sections.push(r.section);
    sourceMap.set(r.source, ref);
  }

  return {
    id,
    title,
    subtitle: pickText(def as unknown as Record<string, string>, 'subtitle', lang),
    note: pickText(def as unknown as Record<string, string>, 'note', lang),
    kindName,
    layouts: models.map((model, i) => ({ width: model.width, from: thresholds[i], svg: renderSvg(model, { id: `${id}-${i}`, titleId, descId }) })),
    matrix,
    legend: models[0]?.legend ?? [],
    description,
    descId,
    titleId,
    table: rows.map((r) => ({
      measure: measureLabel(r.measure),
      group: groupLabel(r.group),
      value: r.value === null ? (r.direction ? directionWord(r.direction, labels) : labels.notGiven) : fmt(r.value),
      wording: r.wording,
      population: r.population_en,
      source: `${label(findSource(r.source)!, lang, 'short')}, ${sentenceCase(r.section)}; ${r.locator}`,
    })),
    sources: [...sourceMap.values()],
    isMatrix: def.kind === 'direction-matrix',
    csv: rowsToCsv(rows),
    thumbnail: matrix
      ? matrixThumbnailSvg(groups.map((g) => measures.map((m) => rows.find((r) => r.measure === m && r.group === g)?.direction ?? null)))
      : thumbnailSvg(models[0]),
  };
}
