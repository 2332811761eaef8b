/** The charts of this build: definitions from data/charts.csv resolved against the findings, once. */
import { datasets } from '../data/findings';
import { registries } from '../data/registries';
import { loadCharts, resolveChart, ChartDefinitionSchema, type ResolvedChart } from './definitions';
import { siteConfig } from '../config/site-config';
import { withBase } from '../i18n/paths';

let cached: ResolvedChart[] | undefined;

export function charts(): ResolvedChart[] {
  cached ??= loadCharts(
    datasets(),
    registries().themes.map((t) => t.id),
  );
  return cached;
}

export function chartById(id: string): ResolvedChart | undefined {
  return charts().find((c) => c.def.id === id);
}

/** A chart written inline in MDX (<Chart dataset=… kind=… />), checked like one from data/charts.csv. */
export function inlineChart(props: Record<string, unknown>, where: string): ResolvedChart {
  const parsed = ChartDefinitionSchema.safeParse({ id: `inline-${String(props.dataset ?? 'chart')}`, title_en: props.title, ...stringify(props) });
  if (!parsed.success) {
    throw new Error(`${where}: <Chart> is missing or has a wrong attribute: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const resolved = resolveChart(parsed.data, datasets(), where, registries().themes.map((t) => t.id));
  if ('problems' in resolved) throw new Error(resolved.problems.join('\n'));
  return resolved;
}

function stringify(props: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
}

/** The chart a <Chart> names in MDX (by id, or inline), with where its CSV is and whether it has its own page. */
export function chartFromProps(props: Record<string, unknown>, where: string): { chart: ResolvedChart; csvHref?: string; permalink: boolean } {
  if (typeof props.id === 'string') {
    const chart = chartById(props.id);
    if (!chart) throw new Error(`${where}: no chart "${props.id}" in data/charts.csv.`);
    return { chart, csvHref: withBase(siteConfig().base, `findings/${props.id}.csv`), permalink: true };
  }
  return { chart: inlineChart(props, where), permalink: false };
}
