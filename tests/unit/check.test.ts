/** Broken inputs, each asserted to fail with its expected message, file and line. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/content';
import { formatProblem } from '../../src/lib/check/problems';
import { registries } from '../../src/lib/data/registries';

const reg = registries();
const problems = checkContent({
  contentRoot: 'tests/fixtures/broken-content',
  locales: ['en', 'km'],
  defaultLocale: 'en',
  registries: { themes: reg.themes.map((t) => t.id), countries: reg.countries.map((c) => c.id), sources: reg.sources.map((s) => s.id) },
  routeExists: (p) => ['/en/reports/good/'].includes(p),
}).map(formatProblem);

const dir = 'tests/fixtures/broken-content';
const expectProblem = (text: string) => expect(problems.some((p) => p.includes(text)), `expected a problem containing:\n${text}\n\ngot:\n${problems.join('\n')}`).toBe(true);

describe('npm run check on broken content', () => {
  it('names a missing frontmatter field', () => expectProblem(`error   ${dir}/reports/en/missing-summary.mdx:2: summary: `));
  it('names an unknown theme and where themes are listed', () =>
    expectProblem(`error   ${dir}/reports/en/bad-theme.mdx:6: themes.1: unknown theme "mentalhealth": use one of migration,`));
  it('names a date that is not a date', () => expectProblem(`${dir}/reports/en/bad-date.mdx:4: date: `));
  it('names an unknown country', () => expectProblem(`${dir}/reports/en/bad-country.mdx:5: country: unknown country "thailand"`));
  it('names an unknown field', () => expectProblem(`${dir}/reports/en/unknown-field.mdx:8: (frontmatter): `));
  it('names a mistyped field (a text where a list is expected)', () => expectProblem(`${dir}/reports/en/mistyped.mdx:6: themes: `));
  it('refuses a language folder that is not configured', () => expectProblem(`${dir}/reports/fr/french.mdx:1: "fr" is not a configured language`));
  it('refuses a slug used twice', () => expectProblem(`the slug "dup" is already used by ${dir}/reports/en/dup.md`));
  it('lists a page without its twin as a warning, not an error', () => {
    expectProblem(`warning ${dir}/reports/km/orphan.mdx:1: no en twin (content/reports/en/orphan.mdx)`);
    expectProblem(`warning ${dir}/reports/en/missing-summary.mdx:1: no km twin`);
  });
  it('names an internal link to a page that does not exist, with its line', () =>
    expectProblem(`error   ${dir}/briefs/en/broken-link.mdx:15: links to /en/reports/no-such-report/, which is not a page of the site.`));
  it('accepts a link to a page that exists', () => expect(problems.filter((p) => p.includes('/en/reports/good/'))).toEqual([]));
  it('names images without alt text', () => {
    expectProblem(`${dir}/briefs/en/no-alt.mdx:15: the image /images/chart.png has no alt text.`);
    expectProblem(`${dir}/briefs/en/no-alt.mdx:17: an <img> has no alt text.`);
  });
  it('names charts with missing data', () => {
    expectProblem(`${dir}/briefs/en/bad-chart.mdx:15: <Chart id="no-such-chart"> names no chart in data/charts.csv.`);
    expectProblem(`${dir}/briefs/en/bad-chart.mdx:17: <Chart>: chart "inline-miccaf-outcomes" names measure "annual-household-incme"`);
  });
  it('finds nothing wrong with a good file', () => expect(problems.filter((p) => p.includes('/good.mdx'))).toEqual([]));
});

describe('npm run check as a command', () => {
  function run(env: Record<string, string>) {
    return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/check.ts'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  }

  it('exits 0 on the project as it is', () => {
    const result = run({});
    expect(result.stdout).toMatch(/0 error\(s\)/);
    expect(result.status).toBe(0);
  });

  it('reports every broken data file in one run and exits 1', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'broken-data-'));
    cpSync('data', data, { recursive: true });
    const header = 'id,measure,measure_en,measure_km,group,group_en,group_km,value,unit,direction,wording,population_en,note_en,note_km,source,section,locator';
    writeFileSync(path.join(data, 'findings', 'zz-ragged.csv'), `${header}\nr-001,a,A,,all,All,,1,count,,,,,,miccaf,S\n`);
    writeFileSync(path.join(data, 'findings', 'zz-thousands.csv'), `${header}\nt-001,a,A,,all,All,,"2,200,000",usd,,,,,,khatlon,Cover,Budget\n`);
    writeFileSync(path.join(data, 'findings', 'zz-empty.csv'), '');
    writeFileSync(path.join(data, 'findings', 'zz-latin1.csv'), Buffer.concat([Buffer.from(`${header}\nl-001,a,Caf`), Buffer.from([0xe9]), Buffer.from(',,all,All,,1,count,,,,,,miccaf,S,L\n')]));
    writeFileSync(path.join(data, 'themes.csv'), 'id,label_en,label_km,description_en\nmigration,Migration,ទេសន្តប្រវេសន៍,x\nmigration,Migration again,ទេសន្តប្រវេសន៍,x\n');
    const result = run({ DATA_ROOT: data });
    expect(result.status).toBe(1);
    const out = result.stdout;
    expect(out).toMatch(/zz-ragged\.csv row 2: found 16 fields, expected 17/);
    expect(out).toMatch(/zz-thousands\.csv row 2, column "value": found "2,200,000"; expected a plain number/);
    expect(out).toMatch(/zz-empty\.csv: the file is empty/);
    expect(out).toMatch(/zz-latin1\.csv: the file contains bytes that are not UTF-8/);
    expect(out).toMatch(/data\/themes\.csv row 3, column "id": "migration" is already used on row 2/);
  });
});

describe('npm run new', () => {
  it('creates a brief in every language with frontmatter that passes the check', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'new-content-'));
    cpSync('content', root, { recursive: true });
    const env = { ...process.env, CONTENT_ROOT: root };
    const made = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/new.ts', 'brief', 'caregiver-support'], { env, encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain(path.join(root, 'briefs', 'en', 'caregiver-support.mdx'));
    expect(made.stdout).toContain(path.join(root, 'briefs', 'km', 'caregiver-support.mdx'));
    const checked = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/check.ts'], { env, encoding: 'utf8' });
    expect(checked.stdout.split('\n').filter((l) => l.includes('caregiver-support') && l.startsWith('error'))).toEqual([]);
    expect(checked.status).toBe(0);
  });
  it('refuses a slug that is not lower case with hyphens', () => {
    const made = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/new.ts', 'report', 'My Report'], { encoding: 'utf8' });
    expect(made.status).toBe(2);
    expect(made.stderr).toMatch(/Usage: npm run new -- report <slug>/);
  });
});
