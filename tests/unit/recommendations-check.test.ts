/**
 * Bad recommendation rows fail `npm run check` with file, row and column: a row without a locator, with an unknown
 * theme or with an unknown actor, all named in one run. Fixtures: tests/fixtures/recommendations (see its README).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadRecommendations } from '../../src/lib/data/recommendations';

const fixtures = 'tests/fixtures/recommendations';

/** Runs the check command on a copy of data/ whose recommendations.csv is the fixture. */
function checkWith(fixture: string) {
  const data = mkdtempSync(path.join(tmpdir(), 'recommendations-'));
  cpSync('data', data, { recursive: true });
  copyFileSync(path.join(fixtures, fixture), path.join(data, 'recommendations.csv'));
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/check.ts'], {
    env: { ...process.env, DATA_ROOT: data },
    encoding: 'utf8',
  });
  // Messages name the file relative to the project (schema) or as configured (registries); match on the file name.
  const lines = result.stdout.split('\n').filter((l) => l.includes('recommendations.csv'));
  return { status: result.status, lines };
}

describe('loadRecommendations', () => {
  const loaded = loadRecommendations(path.resolve(fixtures, 'bad-rows.csv'));

  it('names a missing or blank locator with its row and column', () => {
    expect(loaded.problems).toContain(
      `${fixtures}/bad-rows.csv row 3, column "locator": found ""; expected a short locator a reader can find.`,
    );
    // A locator of spaces only is trimmed to nothing, so it is missing too.
    expect(loaded.problems).toContain(
      `${fixtures}/bad-rows.csv row 6, column "locator": found ""; expected a short locator a reader can find.`,
    );
  });

  it('still returns every row as written, so the registries can be checked in the same run', () => {
    expect(loaded.recommendations).toEqual([]);
    expect(loaded.rows.map((r) => r.id)).toEqual(['fixture-01', 'fixture-02', 'fixture-03', 'fixture-04', 'fixture-05']);
    expect(loaded.rows[2].themes).toEqual(['health', 'mental-helth']);
  });

  it('accepts the project\'s own file', () => {
    const own = loadRecommendations(path.resolve('data/recommendations.csv'));
    expect(own.problems).toEqual([]);
    const rows = Papa.parse<Record<string, string>>(readFileSync('data/recommendations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(own.recommendations).toHaveLength(rows.length);
  });
});

describe('npm run check on bad recommendation rows', () => {
  const { status, lines } = checkWith('bad-rows.csv');
  const expectLine = (pattern: RegExp) => expect(lines.some((l) => pattern.test(l)), `expected a line matching ${pattern}, got:\n${lines.join('\n')}`).toBe(true);

  it('exits 1', () => expect(status).toBe(1));
  it('names the row without a locator', () => expectLine(/^error\s+\S*recommendations\.csv row 3, column "locator": found ""; expected a short locator/));
  it('names the unknown theme with its row, column and registry', () =>
    expectLine(/^error\s+\S*recommendations\.csv row 4, column "themes": found "mental-helth", which is not in data\/themes\.csv\./));
  it('names the unknown actor with its row, column and registry', () =>
    expectLine(/^error\s+\S*recommendations\.csv row 5, column "actors": found "health-ministy", which is not in data\/actors\.csv\./));
  it('names both problems of a row that has two, in the same run', () => {
    expectLine(/^error\s+\S*recommendations\.csv row 6, column "locator": found ""/);
    expectLine(/^error\s+\S*recommendations\.csv row 6, column "themes": found "educaton", which is not in data\/themes\.csv\./);
  });
  it('finds nothing wrong with the good row', () => expect(lines.filter((l) => / row 2,/.test(l))).toEqual([]));
});

describe('npm run check on a recommendations file without a locator column', () => {
  it('names the missing column on row 1 and exits 1', () => {
    const { status, lines } = checkWith('no-locator-column.csv');
    expect(status).toBe(1);
    expect(lines.some((l) => /recommendations\.csv row 1: the column "locator" is missing\./.test(l)), lines.join('\n')).toBe(true);
  });
});
