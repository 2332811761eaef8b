/** /findings/{chart}.csv: exactly the rows a chart draws, all columns, for download. */
import type { APIRoute } from 'astro';
import { charts, chartById } from '../../lib/charts/registry';
import { rowsToCsv } from '../../lib/charts/view';

export function getStaticPaths() {
  return charts().map((c) => ({ params: { chart: c.def.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const chart = chartById(params.chart!)!;
  return new Response(rowsToCsv(chart.rows) + '\n', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
