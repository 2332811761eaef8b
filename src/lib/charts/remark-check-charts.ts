/**
 * Remark plugin: checks every <Chart> in an MDX file while it compiles, so a chart naming a missing
 * chart, dataset, measure or group fails the build with the MDX file and line, and what to do.
 */
import path from 'node:path';
import { chartById, inlineChart } from './registry';

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface Node {
  type: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  children?: Node[];
  position?: { start: { line: number; column: number } };
}
interface VFileLike {
  path?: string;
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

export default function remarkCheckCharts() {
  return (tree: Node, vfile: VFileLike) => {
    const file = vfile.path ? path.relative(process.cwd(), vfile.path) : 'an MDX file';
    const problems = checkChartsInTree(tree, file);
    if (problems.length) throw new Error(problems.join('\n'));
  };
}
