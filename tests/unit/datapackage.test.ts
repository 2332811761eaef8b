/**
 * The data package: datapackage.json is valid by the official Data Package v2 JSON Schema (vendored in
 * tests/fixtures/schemas), describes every CSV on disk with the columns each really has, and a data file whose
 * columns differ from the package's schema (data/columns.csv) stops npm run check and the build with file and column.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { unzipSync, strFromU8 } from 'fflate';
import { columnProblems, loadDictionary, packagedFiles } from '../../src/lib/datapackage/dictionary';
import { siteDataPackage, siteDataZip } from '../../src/lib/datapackage/site';
import { parseCsvText } from '../../src/lib/data/csv';

const schema = JSON.parse(readFileSync('tests/fixtures/schemas/datapackage-2.0.json', 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
const pkg = siteDataPackage();

describe('datapackage.json', () => {
  it('is valid by the Data Package v2 schema', () => {
    expect(validate(pkg), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });
  it('the schema check can fail (a resource without path or data is refused)', () => {
    expect(validate({ ...pkg, resources: [{ name: 'x' }] })).toBe(false);
  });
  it('has one resource for every CSV in data/findings/ as it is on disk, with unique names', () => {
    const onDisk = readdirSync('data/findings').filter((f) => f.endsWith('.csv')).map((f) => `findings/${f}`).sort();
    const paths = pkg.resources.map((r) => r.path);
    for (const f of onDisk) expect(paths).toContain(f);
    expect(new Set(pkg.resources.map((r) => r.name)).size).toBe(pkg.resources.length);
  });
  it('gives each resource the header its file has, a licence, sources and a hash of its bytes', () => {
    for (const r of pkg.resources) {
      const text = readFileSync(path.join('data', r.path), 'utf8');
      const { header, rows } = parseCsvText(text, r.path);
      expect(r.schema.fields.map((f) => f.name), r.path).toEqual(header);
      expect(r.schema.fields.every((f) => f.description.length > 0 && f.type)).toBe(true);
      expect(r.licenses.length).toBe(1);
      expect(r.sources.length, r.path).toBeGreaterThan(0);
      expect(r.bytes).toBe(Buffer.byteLength(text));
      expect(r.description).toContain(`${rows.length} rows`);
    }
  });
  it('names the units of findings and points their source column at sources.csv', () => {
    const findings = pkg.resources.filter((r) => r.path.startsWith('findings/'));
    expect(findings.length).toBeGreaterThan(0);
    for (const r of findings) {
      expect(r.schema.fields.find((f) => f.name === 'unit')?.constraints?.enum).toContain('percent');
      expect(r.schema.foreignKeys).toEqual([{ fields: ['source'], reference: { resource: 'sources', fields: ['id'] } }]);
      expect(r.schema.primaryKey).toEqual(['id']);
    }
  });
});

describe('the zip of all data', () => {
  it('holds datapackage.json and every packaged file, byte for byte', () => {
    const files = unzipSync(siteDataZip());
    const names = Object.keys(files);
    expect(JSON.parse(strFromU8(files['migration-families-data/datapackage.json'])).resources.length).toBe(pkg.resources.length);
    for (const r of pkg.resources) {
      expect(names).toContain(`migration-families-data/${r.path}`);
      expect(Buffer.from(files[`migration-families-data/${r.path}`]).equals(readFileSync(path.join('data', r.path))), r.path).toBe(true);
    }
  });
});

describe('a data file whose columns differ from the package schema', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'datapackage-'));
  cpSync('data', root, { recursive: true });
  const bad = path.join(root, 'findings', 'miccaf-outcomes.csv');
  const text = readFileSync(bad, 'utf8');
  // Rename one column ("wording" -> "words") and add another at the end.
  const [header, ...rest] = text.split('\n');
  writeFileSync(bad, [header.replace(',wording,', ',words,') + ',extra', ...rest.map((l) => (l ? l + ',' : l))].join('\n'));
  const shown = path.relative(process.cwd(), bad);

  it('is named with its file and each column', () => {
    const problems = columnProblems(root);
    expect(problems).toContainEqual(expect.stringContaining(`${shown} row 1, column "words": not in the data package's schema`));
    expect(problems).toContainEqual(expect.stringContaining(`${shown} row 1, column "extra": not in the data package's schema`));
    expect(problems).toContainEqual(expect.stringContaining(`${shown} row 1, column "wording": missing.`));
    // The other files are fine.
    expect(problems.every((p) => p.startsWith(shown))).toBe(true);
  });
  it('is found in a new findings file too (the package follows the files on disk)', () => {
    const added = path.join(root, 'findings', 'new-dataset.csv');
    writeFileSync(added, 'id,measure\nnew-dataset-001,x\n');
    expect(packagedFiles(root).map((f) => f.path)).toContain('findings/new-dataset.csv');
    expect(columnProblems(root)).toContainEqual(expect.stringContaining(`${path.relative(process.cwd(), added)} row 1, column "measure_en": missing.`));
  });
  it('stops npm run check with file and column', () => {
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/check.ts'], { env: { ...process.env, DATA_ROOT: root }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(`${shown} row 1, column "extra"`);
  });
  it('a column described twice in data/columns.csv is refused with its row', () => {
    const dict = path.join(root, 'columns.csv');
    const lines = readFileSync(dict, 'utf8').trimEnd().split('\n');
    writeFileSync(dict, [...lines, lines.find((l) => l.startsWith('themes.csv,id,'))!].join('\n') + '\n');
    expect(() => loadDictionary(root)).toThrow(new RegExp(`columns\\.csv row ${lines.length + 1}, column "column": the column "id" of themes\\.csv is already described on row \\d+`));
  });
});
