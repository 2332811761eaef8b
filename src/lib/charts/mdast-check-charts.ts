/**
 * Markdown-processor plugin (Sätteri, Astro's default): checks every <Chart> in an MDX file while it
 * compiles, so a chart naming a missing chart, dataset, measure or group fails the build with the MDX
 * file and line, and what to do.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { checkChartsInTree } from './check-chart-nodes';

type ChartNode = Parameters<typeof checkChartsInTree>[0];

/** Positions are off for speed; on an error, find the line of this <Chart> in the source instead. */
function withLine(node: ChartNode, source: string): ChartNode {
  if (node.position) return node;
  const attrs = (node.attributes ?? []).filter((a) => typeof a.value === 'string').map((a) => `${a.name}="${a.value}"`);
  const lines = source.split('\n');
  const index = lines.findIndex((l) => l.includes('<Chart') && attrs.every((a) => l.includes(a)));
  return index < 0 ? node : { ...node, position: { start: { line: index + 1, column: 1 } } };
}

function check(node: ChartNode, ctx: { fileURL: URL | undefined; source: string }) {
  const file = ctx.fileURL ? path.relative(process.cwd(), fileURLToPath(ctx.fileURL)) : 'an MDX file';
  if (!checkChartsInTree(node, file).length) return;
  throw new Error(checkChartsInTree(withLine(node, ctx.source), file).join('\n'));
}

export const checkChartsPlugin = defineMdastPlugin({
  name: 'check-charts',
  mdxJsxFlowElement(node, ctx) {
    if (node.name === 'Chart') check(node as unknown as ChartNode, ctx);
  },
  mdxJsxTextElement(node, ctx) {
    if (node.name === 'Chart') check(node as unknown as ChartNode, ctx);
  },
});
