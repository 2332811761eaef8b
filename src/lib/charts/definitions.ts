/**
 * Chart definitions (data/charts.csv): which dataset a chart draws, which measures and groups it keeps,
 * what kind of chart it is, and its words in each language. Resolving a definition checks every name
 * against the data, so a typo fails the build with the file, the row and the missing name.
 */
import path from 'node:path';
import { z } from 'zod';
import { siteConfig } from '../config/site-config';
import { DataError, loadCsv } from '../data/csv';
import { semicolonList } from '../data/fields';
import type { Dataset, FindingRow } from '../data/findings';

export const CHART_KINDS = ['comparison', 'bar', 'grouped-bar', 'stacked-bar', 'direction-matrix'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

const list = semicolonList;

export const ChartDefinitionSchema = z.object({
  /** Unique id; also the chart's page, /{lang}/findings/{id}/. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case id with hyphens'),
  /** comparison (paired bars), bar, grouped-bar, stacked-bar or direction-matrix. */
  kind: z.enum(CHART_KINDS, { error: `one of ${CHART_KINDS.join(', ')}` }),
  /** File stem in data/findings/. */
  dataset: z.string().min(1, 'a dataset name (a file stem in data/findings/)'),
  /** Measures to draw, in order, separated by ";" (empty: all, in file order). */
  measures: list,
  /** Groups to draw, in order, separated by ";" (empty: all, in file order). */
  groups: list,
  title_en: z.string().min(1, 'a title'),
  title_km: z.string().default(''),
  subtitle_en: z.string().default(''),
  subtitle_km: z.string().default(''),
  note_en: z.string().default(''),
  note_km: z.string().default(''),
  /** Theme ids from data/themes.csv, separated by ";". */
  themes: list,
});
export type ChartDefinition = z.infer<typeof ChartDefinitionSchema>;

/** A chart with its rows, in the order to draw them. */
export interface ResolvedChart {
  def: ChartDefinition;
  rows: FindingRow[];
  /** Measures and groups in drawing order. */
  measures: string[];
  groups: string[];
}

/** Checks a definition against the datasets; returns its rows or the list of problems. */
export function resolveChart(def: ChartDefinition, datasets: readonly Dataset[], where: string, themeIds?: readonly string[]): ResolvedChart | { problems: string[] } {
  const problems: string[] = [];
  const dataset = datasets.find((d) => d.id === def.dataset);
  if (!dataset) {
    return { problems: [`${where}: chart "${def.id}" names dataset "${def.dataset}", which does not exist. Datasets: ${datasets.map((d) => d.id).join(', ')}.`] };
  }
  const allMeasures = [...new Set(dataset.rows.map((r) => r.measure))];
  const allGroups = [...new Set(dataset.rows.map((r) => r.group))];
  for (const m of def.measures) {
    if (!allMeasures.includes(m)) problems.push(`${where}: chart "${def.id}" names measure "${m}", which is not in ${dataset.file}. Measures there: ${allMeasures.join(', ')}.`);
  }
  for (const g of def.groups) {
    if (!allGroups.includes(g)) problems.push(`${where}: chart "${def.id}" names group "${g}", which is not in ${dataset.file}. Groups there: ${allGroups.join(', ')}.`);
  }
  if (themeIds) {
    for (const t of def.themes) if (!themeIds.includes(t)) problems.push(`${where}: chart "${def.id}" names theme "${t}", which is not in data/themes.csv.`);
  }
  if (problems.length) return { problems };

  const measures = def.measures.length ? def.measures : allMeasures;
  const rowsInMeasures = dataset.rows.filter((r) => measures.includes(r.measure));
  const groups = def.groups.length ? def.groups : [...new Set(rowsInMeasures.map((r) => r.group))];
  const rows = measures.flatMap((m) => groups.flatMap((g) => rowsInMeasures.filter((r) => r.measure === m && r.group === g)));
  if (!rows.length) problems.push(`${where}: chart "${def.id}" selects no rows from ${dataset.file}.`);

  if (def.kind === 'direction-matrix') {
    const missing = rows.filter((r) => r.direction === null);
    if (missing.length) problems.push(`${where}: chart "${def.id}" is a direction-matrix but rows ${missing.map((r) => r.id).join(', ')} have no direction.`);
  } else {
    const units = [...new Set(rows.map((r) => r.unit))];
    if (units.length > 1) problems.push(`${where}: chart "${def.id}" mixes units (${units.join(', ')}); one chart draws one unit. Split it into several charts.`);
    if (!rows.some((r) => r.value !== null)) problems.push(`${where}: chart "${def.id}" has no row with a value to draw.`);
    const seen = new Set<string>();
    for (const r of rows) {
      const key = `${r.measure}|${r.group}`;
      if (seen.has(key)) problems.push(`${where}: chart "${def.id}" has two rows for measure "${r.measure}" and group "${r.group}" (${r.id}); filter to one.`);
      seen.add(key);
    }
  }
  if (def.kind === 'comparison' && groups.length !== 2) {
    problems.push(`${where}: chart "${def.id}" is a comparison and needs exactly two groups (for example migrant;non-migrant); it has ${groups.length}: ${groups.join(', ')}.`);
  }
  return problems.length ? { problems } : { def, rows, measures, groups };
}

export function chartsFile(): string {
  return path.resolve(process.cwd(), siteConfig().dataRoot, 'charts.csv');
}

/** Loads and resolves every chart definition; all problems reported together. */
export function loadCharts(datasets: readonly Dataset[], themeIds: readonly string[], file = chartsFile()): ResolvedChart[] {
  const shown = path.relative(process.cwd(), file);
  const defs = loadCsv(file, ChartDefinitionSchema, ['id', 'kind', 'dataset', 'title_en']);
  const problems: string[] = [];
  const charts: ResolvedChart[] = [];
  const ids = new Set<string>();
  defs.forEach((def, i) => {
    const where = `${shown} row ${i + 2}`;
    if (ids.has(def.id)) problems.push(`${where}: chart id "${def.id}" is used twice.`);
    ids.add(def.id);
    const resolved = resolveChart(def, datasets, where, themeIds);
    if ('problems' in resolved) problems.push(...resolved.problems);
    else charts.push(resolved);
  });
  if (problems.length) throw new DataError(`Chart definitions have ${problems.length} problem(s):\n${problems.join('\n')}`, problems);
  return charts;
}
