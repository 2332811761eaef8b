/** The pages of the site, worked out from content and data without building, for checking links. */
export interface RouteInput {
  locales: readonly string[];
  base: string;
  reports: readonly string[];
  briefs: readonly string[];
  pages: readonly string[];
  charts: readonly string[];
  recommendationThemes: readonly string[];
  datasets: readonly string[];
}

export function siteRoutes(input: RouteInput): Set<string> {
  const b = input.base.replace(/\/$/, '');
  const routes = new Set<string>([`${b}/`]);
  for (const lang of input.locales) {
    const add = (p: string) => routes.add(`${b}/${lang}/${p}`.replace(/\/+$/, '') + '/');
    for (const p of ['', 'reports', 'briefs', 'findings', 'recommendations', 'practices', 'search']) add(p);
    for (const s of input.reports) add(`reports/${s}`);
    for (const s of input.briefs) add(`briefs/${s}`), add(`briefs/${s}/present`);
    for (const s of input.pages.filter((p) => p !== 'home')) add(s);
    for (const c of input.charts) add(`findings/${c}`), add(`embed/${c}`);
    for (const t of input.recommendationThemes) add(`recommendations/theme/${t}`);
  }
  for (const c of input.charts) routes.add(`${b}/findings/${c}.csv`);
  for (const d of input.datasets) routes.add(`${b}/data/findings/${d}.csv`);
  for (const f of ['recommendations', 'practices', 'themes', 'sources']) routes.add(`${b}/data/${f}.csv`);
  return routes;
}
