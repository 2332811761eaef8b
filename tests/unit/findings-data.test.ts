import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/lib/data/csv';
import { loadDatasets } from '../../src/lib/data/findings';
import { resolveChart, ChartDefinitionSchema } from '../../src/lib/charts/definitions';
import { checkChartsInTree } from '../../src/lib/charts/check-chart-nodes';

const dir = (name: string) => path.resolve('tests/fixtures/findings', name);
const sources = ['miccaf', 'khatlon'];

function problemsOf(name: string): string[] {
  try {
    loadDatasets(dir(name), sources);
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadDatasets', () => {
  it('reads tidy rows, numbers as numbers and empty values as "not given"', () => {
    const [dataset] = loadDatasets(dir('good'), sources);
    expect(dataset.id).toBe('sample');
    expect(dataset.rows.map((r) => r.value)).toEqual([1762, 5452, null]);
  });
  it('accepts a byte-order mark, CRLF line ends and a quoted line break', () => {
    const [dataset] = loadDatasets(dir('bom-crlf'), sources);
    expect(dataset.rows[0]).toMatchObject({ id: 'b-001', value: 1762, population_en: 'Migrant\r\nhouseholds' });
  });
  it('names the file and row of a ragged row', () => {
    expect(problemsOf('ragged')).toEqual([expect.stringMatching(/^tests\/fixtures\/findings\/ragged\/ragged\.csv row 2: found 16 fields, expected 17/)]);
  });
  it('names file, row, column, value and expectation for a value that is not a number', () => {
    expect(problemsOf('non-numeric')).toEqual([
      'tests/fixtures/findings/non-numeric/words.csv row 2, column "value": found "about 1800"; expected a plain number such as 2200000 or 36.6 (no thousands separators, no units), or empty when the source gives no number.',
    ]);
  });
  it('refuses thousands separators rather than guessing', () => {
    expect(problemsOf('thousands')[0]).toMatch(/row 2, column "value": found "2,200,000"/);
  });
  it('refuses an empty file', () => {
    expect(problemsOf('empty')).toEqual(['tests/fixtures/findings/empty/empty.csv: the file is empty. It needs a header row and at least one data row.']);
  });
  it('reports a duplicate id and an unknown source together', () => {
    const problems = problemsOf('duplicate-id');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/row 3, column "source": found "nowhere"; expected one of miccaf, khatlon/);
    expect(problems[1]).toMatch(/row 3, column "id": "d-001" is already used in .*row 2/);
  });
});

describe('resolveChart', () => {
  const datasets = loadDatasets(dir('good'), sources);
  const def = (over: Record<string, string>) => ChartDefinitionSchema.parse({ id: 'c', kind: 'comparison', dataset: 'sample', title_en: 'T', measures: 'income', groups: 'migrant;non-migrant', ...over });

  it('returns the rows in the order of measures and groups', () => {
    const chart = resolveChart(def({ groups: 'non-migrant;migrant' }), datasets, 'data/charts.csv row 2');
    expect('rows' in chart && chart.rows.map((r) => r.id)).toEqual(['x-002', 'x-001']);
  });
  it.each([
    [{ dataset: 'nope' }, 'data/charts.csv row 2: chart "c" names dataset "nope", which does not exist. Datasets: sample.'],
    [{ measures: 'incom' }, 'data/charts.csv row 2: chart "c" names measure "incom", which is not in tests/fixtures/findings/good/sample.csv. Measures there: income, depression.'],
    [{ groups: 'migrant;nonmigrant' }, 'names group "nonmigrant", which is not in'],
    [{ measures: 'income;depression' }, 'mixes units (usd, percent)'],
    [{ groups: 'migrant' }, 'is a comparison and needs exactly two groups'],
  ])('fails with the file, row and missing name: %o', (over, message) => {
    const chart = resolveChart(def(over), datasets, 'data/charts.csv row 2');
    expect('problems' in chart && chart.problems.join('\n')).toContain(message);
  });
});

describe('<Chart> in MDX', () => {
  const tree = (attrs: Record<string, string>, line = 12) => ({
    type: 'root',
    children: [{ type: 'mdxJsxFlowElement', name: 'Chart', attributes: Object.entries(attrs).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })), position: { start: { line, column: 1 } } }],
  });
  it('names the MDX file and line of a chart id that does not exist', () => {
    expect(checkChartsInTree(tree({ id: 'no-such-chart' }), 'content/reports/en/x.mdx')).toEqual([
      'content/reports/en/x.mdx:12: <Chart id="no-such-chart"> names no chart in data/charts.csv. Add it there, or fix the id.',
    ]);
  });
  it('accepts a chart that exists', () => {
    expect(checkChartsInTree(tree({ id: 'miccaf-household-income' }), 'x.mdx')).toEqual([]);
  });
  it('checks an inline chart against the data: a missing column value is named', () => {
    const problems = checkChartsInTree(tree({ dataset: 'miccaf-outcomes', kind: 'bar', measures: 'annual-household-incme', title: 'T' }, 30), 'content/briefs/en/y.mdx');
    expect(problems[0]).toMatch(/^content\/briefs\/en\/y\.mdx:30: <Chart>: chart "inline-miccaf-outcomes" names measure "annual-household-incme"/);
  });
});

describe('numbers typed with Khmer digits', () => {
  it('are accepted and read as Western digits', async () => {
    const { valueSchema } = await import('../../src/lib/data/findings');
    expect(valueSchema.parse('២០១៤')).toBe(2014);
    expect(valueSchema.parse('៣៦.៦')).toBe(36.6);
    expect(valueSchema.safeParse('២,០១៤').success).toBe(false);
  });
});
