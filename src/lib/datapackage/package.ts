/**
 * The Frictionless Data Package (v2) descriptor of every published CSV: datapackage.json. Resources, their
 * schemas (fields with types and descriptions, primary and foreign keys), sources and licence all come from
 * data/columns.csv, the files on disk and data/sources.csv.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsvText } from '../data/csv';
import type { Source } from '../data/registries';
import type { PackagedFile } from './dictionary';

export const PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/**
 * The licence of the data. The source documents state none, and this site's publisher has chosen none yet,
 * so the package says so ("notspecified" in the Open Definition list) and points to the data page's section
 * on reuse. Change it here when the publisher chooses a licence.
 */
export const DATA_LICENSE = { name: 'notspecified', title: 'No licence stated: the source documents state none. Cite the source document of each row.' };

/** Allowed values of columns the build checks against a fixed list (Table Schema enum constraints). */
export type Enums = Record<string, Record<string, readonly string[]>>;

export interface PackageOptions {
  dataRoot: string;
  files: PackagedFile[];
  sources: Source[];
  enums?: Enums;
  /** Absolute URL of the folder datapackage.json is served from (…/data/). */
  dataUrl: string;
  /** Absolute URL of the English data page, with the #reuse anchor the licence points to. */
  licensePath: string;
  /** Absolute URL of a source document's report page on this site. */
  reportUrl: (source: Source) => string;
  title: string;
  description: string;
  homepage: string;
  /** Publishing organisation. */
  organisation: string;
}

/** Resource name: the path without ".csv", "/" as "-" ("findings/miccaf-outcomes.csv" -> "findings-miccaf-outcomes"). */
export function resourceName(filePath: string): string {
  return filePath.replace(/\.csv$/, '').replace(/\//g, '-');
}

/** Table Schema missing values: the site writes "not given" as an empty cell. */
const MISSING = [''];

export function dataPackage(options: PackageOptions) {
  const { files, sources } = options;
  const names = new Set(files.map((f) => resourceName(f.path)));
  const resources = files.map((f) => {
    const abs = path.resolve(options.dataRoot, f.path);
    const bytes = readFileSync(abs);
    const text = bytes.toString('utf8');
    const { rows } = parseCsvText(text, f.path);
    const enums = options.enums?.[f.pattern] ?? {};
    // Which documents the rows come from, when the file says (a "source" column); otherwise all.
    const used = f.columns.some((c) => c.column === 'source') ? new Set(rows.map((r) => r.source)) : new Set(sources.map((s) => s.id));
    const fields = f.columns.map((c) => ({
      name: c.column,
      type: c.type,
      description: c.description_en,
      ...(enums[c.column] ? { constraints: { enum: [...enums[c.column]] } } : {}),
    }));
    const has = (c: string) => f.columns.some((col) => col.column === c);
    const unique = (cols: string[]) => new Set(rows.map((r) => cols.map((c) => r[c]).join('\u0000'))).size === rows.length;
    const primaryKey = has('id') && unique(['id']) ? ['id'] : has('kind') && has('id') && unique(['kind', 'id']) ? ['kind', 'id'] : undefined;
    const foreignKeys = has('source') && names.has('sources') && f.path !== 'sources.csv' ? [{ fields: ['source'], reference: { resource: 'sources', fields: ['id'] } }] : [];
    const units = has('unit') ? [...new Set(rows.map((r) => r.unit).filter(Boolean))].sort() : [];
    return {
      name: resourceName(f.path),
      path: f.path,
      title: f.path,
      description: [f.entry.description_en, `${rows.length} rows.`, units.length ? `Units used (column "unit"): ${units.join(', ')}.` : ''].filter(Boolean).join(' '),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: bytes.length,
      hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      dialect: { header: true, delimiter: ',', quoteChar: '"', doubleQuote: true },
      sources: sources.filter((s) => used.has(s.id)).map((s) => ({ title: `${s.title} (${s.organisation})`, path: options.reportUrl(s) })),
      licenses: [{ ...DATA_LICENSE, path: options.licensePath }],
      schema: {
        fields,
        missingValues: MISSING,
        ...(primaryKey ? { primaryKey } : {}),
        ...(foreignKeys.length ? { foreignKeys } : {}),
      },
    };
  });
  return {
    $schema: PROFILE,
    name: 'migration-families-data',
    title: options.title,
    description: options.description,
    homepage: options.homepage,
    contributors: [{ title: options.organisation, roles: ['publisher'] }],
    licenses: [{ ...DATA_LICENSE, path: options.licensePath }],
    sources: sources.map((s) => ({ title: `${s.title} (${s.organisation})`, path: options.reportUrl(s) })),
    resources,
  };
}
