/**
 * Every check that can run without a build, in one pass: data files (CSV structure and values, registries,
 * charts, recommendations; each value as printed in its source document), content files (frontmatter, slugs, twins, links, images, charts) and the Khmer
 * vocabulary (data/glossary.csv: avoided variants and amounts of money in Khmer content, data and UI strings).
 */
import { siteConfig } from '../config/site-config';
import { DataError } from '../data/csv';
import { registries, type Registries } from '../data/registries';
import { datasets, loadDatasets, type Dataset } from '../data/findings';
import { charts } from '../charts/registry';
import { policyData } from '../data/recommendations';
import { assertColumnsMatch } from '../datapackage/dictionary';
import { checkContent, listContent } from './content';
import { checkGlossary } from './glossary';
import { staleReviewWarnings } from '../i18n/translation-status';
import { checkTraced, defaultSeedsDir } from './traced';
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
  // Every published CSV has exactly the columns the data package describes (data/columns.csv).
  collect(problems, () => assertColumnsMatch(config.dataRoot));

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
  // Every value as its document prints it (only where the seed texts are beside the project).
  if (reg && data) problems.push(...checkTraced({ datasets: data, seedFiles: new Map(reg.sources.map((s) => [s.id, s.seed_file])), seedsDir: defaultSeedsDir() }));
  if (config.locales.some((l) => l.code === 'km')) {
    const glossary = collect(problems, () =>
      checkGlossary({ contentRoot: config.contentRoot, dataRoot: config.dataRoot, extraFiles: ['src/config/ui/km.json'], lang: 'km' }),
    );
    problems.push(...(glossary ?? []));
  }
  // A review made before the English last changed: a warning (the page is still fine to read; the review needs repeating).
  problems.push(...(collect(problems, () => staleReviewWarnings(config.contentRoot, config.defaultLocale)) ?? []));
  return problems;
}
