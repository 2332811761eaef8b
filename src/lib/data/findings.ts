/**
 * Findings datasets (data/findings/*.csv): tidy rows sharing one column set, read once per build.
 * Values are numbers exactly as printed in the source, or empty when the source gives none.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { siteConfig } from '../config/site-config';
import { DataError, loadCsv } from './csv';
import { registries } from './registries';

/**
 * Units of a finding's value. `times` is a multiplier the document prints ("twice as likely" is 2); `eur` is euros;
 * `year` is a calendar year (2006), `years`, `months` and `days` are lengths of time; `text` is a direction-only row.
 */
export const UNITS = ['usd', 'usd-billion', 'eur', 'percent', 'count', 'households', 'people', 'children', 'ratio', 'times', 'year', 'years', 'months', 'days', 'text'] as const;
export const DIRECTIONS = ['better', 'worse', 'no-difference', 'mixed'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case key with hyphens, such as "non-migrant"');
const optionalText = z.string().default('');

/** Plain digits with an optional decimal point; empty means "not given". Thousands separators are refused. */
export const valueSchema = z
  .string()
  // Khmer digits (០-៩) typed in a spreadsheet are accepted and read as 0-9.
  .transform((v) => v.replace(/[\u17E0-\u17E9]/g, (d) => String(d.charCodeAt(0) - 0x17e0)))
  .refine((v) => v === '' || /^-?\d+(\.\d+)?$/.test(v), 'a plain number such as 2200000 or 36.6 (no thousands separators, no units), or empty when the source gives no number')
  .transform((v) => (v === '' ? null : Number(v)));

export const FindingRowSchema = z
  .object({
    /** Unique row id, "<file-stem>-NNN". */
    id: key,
    /** What is measured; rows that belong together share it. */
    measure: key,
    measure_en: z.string().min(1, 'a label'),
    measure_km: optionalText,
    /** The group or series this row describes (migrant, non-migrant, budget, 2014...). */
    group: key,
    group_en: z.string().min(1, 'a label'),
    group_km: optionalText,
    value: valueSchema,
    unit: z.enum(UNITS, { error: `one of ${UNITS.join(', ')}` }),
    /** For comparisons stated only in words, from the group's point of view. */
    direction: z.union([z.literal(''), z.enum(DIRECTIONS)], { error: `empty or one of ${DIRECTIONS.join(', ')}` }).transform((v) => (v === '' ? null : v)),
    wording: optionalText,
    population_en: optionalText,
    note_en: optionalText,
    note_km: optionalText,
    source: z.string().min(1),
    section: z.string().min(1, 'the section of the source document'),
    locator: z.string().min(1, 'a short locator a reader can find'),
  })
  .refine((row) => !(row.value === null && row.direction === null && row.note_en === ''), {
    path: ['value'],
    message: 'a value, or a direction, or a note saying why the source gives no number',
  });
export type FindingRow = z.infer<typeof FindingRowSchema> & { dataset: string };

export const FINDING_COLUMNS = Object.keys(FindingRowSchema.shape) as readonly string[];

export interface Dataset {
  /** File stem, e.g. "miccaf-outcomes". */
  id: string;
  file: string;
  rows: FindingRow[];
}

function findingsDir(): string {
  return path.resolve(process.cwd(), siteConfig().dataRoot, 'findings');
}

/** Loads every dataset, checks ids are unique across files and sources exist; all problems reported together. */
/** `sourceIds` null skips the source check (when the registry itself is broken and reported separately). */
export function loadDatasets(dir = findingsDir(), sourceIds: string[] | null = registries().sources.map((s) => s.id)): Dataset[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  } catch {
    return [];
  }
  const problems: string[] = [];
  const datasets: Dataset[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = path.join(dir, name);
    const shown = path.relative(process.cwd(), file);
    try {
      const rows = loadCsv(file, FindingRowSchema, FINDING_COLUMNS).map((row, i) => {
        if (sourceIds && !sourceIds.includes(row.source)) problems.push(`${shown} row ${i + 2}, column "source": found "${row.source}"; expected one of ${sourceIds?.join(', ')} (data/sources.csv).`);
        const earlier = seen.get(row.id);
        if (earlier) problems.push(`${shown} row ${i + 2}, column "id": "${row.id}" is already used in ${earlier}. Ids must be unique across all findings files.`);
        seen.set(row.id, `${shown} row ${i + 2}`);
        return { ...row, dataset: name.replace(/\.csv$/, '') };
      });
      datasets.push({ id: name.replace(/\.csv$/, ''), file: shown, rows });
    } catch (error) {
      if (error instanceof DataError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length) throw new DataError(`Findings data has ${problems.length} problem(s):\n${problems.join('\n')}`, problems);
  return datasets;
}

let cached: Dataset[] | undefined;
/** All datasets of this build, loaded once. */
export function datasets(): Dataset[] {
  cached ??= loadDatasets();
  return cached;
}

export function findingById(id: string): FindingRow | undefined {
  for (const d of datasets()) {
    const row = d.rows.find((r) => r.id === id);
    if (row) return row;
  }
  return undefined;
}

/** A finding's text field in a language, falling back to English. */
export function findingText(row: FindingRow, field: 'measure' | 'group' | 'note', lang: string): string {
  const value = (row as unknown as Record<string, string>)[`${field}_${lang}`];
  return value || (row as unknown as Record<string, string>)[`${field}_en`] || '';
}
