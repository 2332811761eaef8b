/**
 * Every number drawn on the site can be found in its source document: each findings value appears in the
 * text extraction of the document its row names (../shared/seeds), as printed, near the passage its locator
 * quotes. The rule lives in `npm run check` (src/lib/check/traced.ts); these tests hold it to account.
 * The tests that read the real documents are skipped where the seeds are not beside the project.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appearsIn, checkTraced, quotedPassages, searchScope } from '../../src/lib/check/traced';
import { formatProblem } from '../../src/lib/check/problems';
import { loadDatasets, type Dataset, type FindingRow } from '../../src/lib/data/findings';
import { registries } from '../../src/lib/data/registries';

const SEEDS = path.resolve('..', 'shared', 'seeds');
const seedsPresent = existsSync(SEEDS);

function row(value: number, locator: string, source = 'khatlon'): FindingRow {
  return {
    id: 'zz-001', measure: 'm', measure_en: 'M', measure_km: '', group: 'all', group_en: 'All', group_km: '', value, unit: 'count',
    direction: null, wording: '', population_en: '', note_en: '', note_km: '', source, section: 'S', locator, dataset: 'zz',
  };
}
const dataset = (...rows: FindingRow[]): Dataset => ({ id: 'zz', file: 'data/findings/zz.csv', rows });

describe('printed forms', () => {
  it('finds digits, thousands separators, scale words and number words', () => {
    expect(appearsIn(2200000, 'Total: USD 2,200,000')).toBe(true);
    expect(appearsIn(110000, 'the Philippines (110 000) and')).toBe(true);
    expect(appearsIn(9000000, '(approximately 9 million)')).toBe(true);
    expect(appearsIn(47, 'So far, forty-seven children')).toBe(true);
    expect(appearsIn(2, 'are twice as likely')).toBe(true);
    expect(appearsIn(20, 'around 20% of doctors')).toBe(true);
  });
  it('does not find a number inside a longer one, or a word inside a longer word', () => {
    expect(appearsIn(20, '2020 and 120 and 20.5')).toBe(false);
    expect(appearsIn(4, 'fourteen')).toBe(false);
    expect(appearsIn(55, 'Of all attendees, 65% were')).toBe(false);
  });
  it('reads the passages a locator quotes', () => {
    expect(quotedPassages(`Output 2.3: 'Of all attendees at the research'; "Table 2.1"`)).toEqual(['Of all attendees at the research', 'Table 2.1']);
    expect(searchScope(`'not in the text at all'`, 'abc 12').near).toBeNull();
  });
});

describe('the traced-values rule of npm run check', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seeds-'));
  writeFileSync(path.join(dir, 'doc.txt'), `Intro with 104 staff. ${'filler '.repeat(200)} So far, forty-seven children, including four girls and 43 boys have been served.`);
  const seedFiles = new Map([['khatlon', 'doc.txt']]);

  it('accepts a value printed near the passage its locator quotes', () => {
    expect(checkTraced({ datasets: [dataset(row(43, `'including four girls and 43 boys'`))], seedFiles, seedsDir: dir })).toEqual([]);
  });
  it('fails a value the document does not print, naming file, row and column', () => {
    const problems = checkTraced({ datasets: [dataset(row(42, `'including four girls and 43 boys'`))], seedFiles, seedsDir: dir }).map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^error {3}data\/findings\/zz\.csv row 2, column "value": 42 \(row zz-001\) does not appear as printed near the passage its locator quotes/);
  });
  it('fails a value printed elsewhere in the document but not near its locator', () => {
    const problems = checkTraced({ datasets: [dataset(row(104, `'including four girls and 43 boys'`))], seedFiles, seedsDir: dir });
    expect(problems.map((p) => p.message).join()).toMatch(/104 \(row zz-001\) does not appear as printed near/);
  });
  it('reports a source whose text is missing', () => {
    const problems = checkTraced({ datasets: [dataset(row(1, 'x', 'unicef'))], seedFiles, seedsDir: dir });
    expect(problems[0].message).toMatch(/the text of source "unicef"/);
  });
  it('checks nothing when the seeds folder is absent', () => {
    expect(checkTraced({ datasets: [dataset(row(42, 'x'))], seedFiles, seedsDir: path.join(dir, 'none') })).toEqual([]);
  });
});

describe.skipIf(!seedsPresent)('findings traced to their source documents', () => {
  const seedFiles = new Map(registries().sources.map((s) => [s.id, s.seed_file]));
  it('every value appears, as printed, in the document its row names', () => {
    expect(checkTraced({ datasets: loadDatasets(), seedFiles, seedsDir: SEEDS }).map(formatProblem)).toEqual([]);
  });
  it('a wrong value in a real row fails: 55 is not what MICCAF prints for the share of government and civil society attendees', () => {
    const real = loadDatasets().find((d) => d.id === 'miccaf-sample')!;
    const index = real.rows.findIndex((r) => r.id === 'miccaf-sample-062');
    const rows = real.rows.map((r, i) => (i === index ? { ...r, value: 55 } : r));
    const problems = checkTraced({ datasets: [{ ...real, rows }], seedFiles, seedsDir: SEEDS }).map(formatProblem);
    expect(problems).toEqual([expect.stringContaining(`data/findings/miccaf-sample.csv row ${index + 2}, column "value": 55 (row miccaf-sample-062)`)]);
  });
});
