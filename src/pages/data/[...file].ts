/**
 * /data/...: the site's data files as published, for download: every findings dataset, the
 * recommendations and practices, and one recommendations file per theme (the rows a theme page shows).
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { siteConfig } from '../../lib/config/site-config';
import { datasets } from '../../lib/data/findings';
import { policyData } from '../../lib/data/recommendations';

function raw(relative: string): string {
  return readFileSync(path.resolve(siteConfig().dataRoot, relative), 'utf8').replace(/^\uFEFF/, '');
}

export function getStaticPaths() {
  const { recommendations } = policyData();
  const themes = [...new Set(recommendations.flatMap((r) => r.themes))];
  const recsCsv = Papa.parse<Record<string, string>>(raw('recommendations.csv'), { header: true, skipEmptyLines: true });
  const byTheme = themes.map((theme) => ({
    params: { file: `recommendations/theme-${theme}.csv` },
    props: {
      body: Papa.unparse(
        recsCsv.data.filter((row) => row.themes.split(';').map((s) => s.trim()).includes(theme)),
        { columns: recsCsv.meta.fields, newline: '\n' },
      ) + '\n',
    },
  }));
  return [
    { params: { file: 'recommendations.csv' }, props: { body: raw('recommendations.csv') } },
    { params: { file: 'practices.csv' }, props: { body: raw('practices.csv') } },
    { params: { file: 'practice-topics.csv' }, props: { body: raw('practice-topics.csv') } },
    { params: { file: 'glossary.csv' }, props: { body: raw('glossary.csv') } },
    { params: { file: 'themes.csv' }, props: { body: raw('themes.csv') } },
    { params: { file: 'sources.csv' }, props: { body: raw('sources.csv') } },
    ...datasets().map((d) => ({ params: { file: `findings/${d.id}.csv` }, props: { body: raw(`findings/${d.id}.csv`) } })),
    ...byTheme,
  ];
}

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
