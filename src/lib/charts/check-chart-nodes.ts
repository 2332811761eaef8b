/**
 * Checks <Chart> nodes of an MDX syntax tree against the chart registry and the data: a chart naming a
 * missing chart, dataset, measure or group is reported with the MDX file and line, and what to do.
 */
import { chartById, inlineChart } from './registry';

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
export interface Node {
  type: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  children?: Node[];
  position?: { start: { line: number; column: number } };
}
function attributes(node: Node): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const attr of node.attributes ?? []) {
    if (attr.type === 'mdxJsxAttribute' && attr.name) out[attr.name] = typeof attr.value === 'string' ? attr.value : attr.value === null ? true : '(expression)';
  }
  return out;
}

function* chartNodes(node: Node): Generator<Node> {
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Chart') yield node;
  for (const child of node.children ?? []) yield* chartNodes(child);
}

/** Problems with every <Chart> in a tree (or a single <Chart> node). */
export function checkChartsInTree(tree: Node, file: string): string[] {
  const problems: string[] = [];
  for (const node of chartNodes(tree)) {
    const where = `${file}:${node.position?.start.line ?? '?'}`;
    const props = attributes(node);
    if (typeof props.id === 'string') {
      if (!chartById(props.id)) problems.push(`${where}: <Chart id="${props.id}"> names no chart in data/charts.csv. Add it there, or fix the id.`);
      continue;
    }
    try {
      inlineChart(props, `${where}: <Chart>`);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}
