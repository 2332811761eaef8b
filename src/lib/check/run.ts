/**
 * Every check that can run without a build, in one pass: data files (CSV structure and values, registries,
 * charts, recommendations), content files (frontmatter, slugs, twins, links, images, charts) and the Khmer
 * vocabulary (data/glossary.csv: avoided variants and amounts of money in Khmer content, data and UI strings).
 */
import { siteConfig } from '../config/site-config';
import { DataError } from '../data/csv';
import { registries, type Registries } from '../data/registries';
import { datasets, loadDatasets, type Dataset } from '../data/findings';
import { charts } from '../charts/registry';
import { policyData } from '../data/recommendations';
import { checkContent, listContent } from './content';
import { checkGlossary } from './glossary';
import { siteRoutes } from './routes';
import { fromDataMessage, type Problem } from './problems';

function collect<T>(problems: Problem[], load: () => T): T | undefined {
  try {
    return load();
  } catch (error) {
    if (error instanceof DataError) problems.push(...error.problems.map(fromDataMessage));
    else problems.push({ severity: 'error', where: 'data', message: (error as Error).message });
    return undefined;
  }
}

export function runChecks(): Problem[] {
  const config = siteConfig();
  const problems: Problem[] = [];
  const reg: Registries | undefined = collect(problems, registries);
  // Findings are checked even when a registry is broken (without the source check), so one run finds all.
  const data: Dataset[] | undefined = reg ? collect(problems, datasets) : collect(problems, () => loadDatasets(undefined, null));
  const chartList = reg && data && collect(problems, charts);
  const policy = reg && data && collect(problems, policyData);

  const files = listContent(config.contentRoot);
  const slugs = (c: string) => [...new Set(files.filter((f) => f.collection === c).map((f) => f.slug))];
  const routes = siteRoutes({
    locales: config.locales.map((l) => l.code),
    // Content links are site paths without the base; the build puts the base in front (lib/content/mdast-base-links).
    base: '/',
    reports: slugs('reports'),
    briefs: slugs('briefs'),
    pages: slugs('pages'),
    charts: (chartList ?? []).map((c) => c.def.id),
    recommendationThemes: [...new Set((policy?.recommendations ?? []).flatMap((r) => r.themes))],
    datasets: (data ?? []).map((d) => d.id),
  });
  if (reg) {
    problems.push(
      ...checkContent(
        {
          contentRoot: config.contentRoot,
          locales: config.locales.map((l) => l.code),
          defaultLocale: config.defaultLocale,
          registries: { themes: reg.themes.map((t) => t.id), countries: reg.countries.map((c) => c.id), sources: reg.sources.map((s) => s.id) },
          // Chart problems need the data; links need the routes.
          routeExists: (p) => routes.has(p),
        },
        files,
      ),
    );
  }
  if (config.locales.some((l) => l.code === 'km')) {
    const glossary = collect(problems, () =>
      checkGlossary({ contentRoot: config.contentRoot, dataRoot: config.dataRoot, extraFiles: ['src/config/ui/km.json'], lang: 'km' }),
    );
    problems.push(...(glossary ?? []));
  }
  return problems;
}
