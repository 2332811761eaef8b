/**
 * The data dictionary (data/columns.csv): for every published CSV, its columns in order, each with a Table
 * Schema type and a description in English and Khmer. It is the package's schema: datapackage.json, the data
 * page and the check that every file has exactly these columns are all made from it.
 *
 * A `file` of "findings/*.csv" stands for every CSV in data/findings/, whatever files are there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DataError, loadCsv, parseCsvText } from '../data/csv';

export const DICTIONARY_FILE = 'columns.csv';
/** Table Schema field types this site's data uses. */
export const FIELD_TYPES = ['string', 'number', 'integer', 'date', 'year'] as const;

const RowSchema = z
  .object({
    file: z.string().regex(/^([a-z0-9-]+\/)?([a-z0-9-]+|\*)\.csv$/, 'a path under data/ such as "recommendations.csv", or "findings/*.csv" for every CSV in a folder'),
    /** Empty on the row that describes the file itself. */
    column: z.string().regex(/^([a-z][a-z0-9_]*)?$/, 'a column name as the file writes it (lower case, digits, _), or empty for the row that describes the file'),
    type: z.union([z.literal(''), z.enum(FIELD_TYPES)], { error: `one of ${FIELD_TYPES.join(', ')} (Table Schema types), or empty on the row that describes the file` }),
    description_en: z.string().min(1, 'a description in English'),
    description_km: z.string().min(1, 'a description in Khmer'),
  })
  .refine((r) => (r.column === '') === (r.type === ''), { path: ['type'], message: 'a type for a column (string, number, …), and none on the row that describes the file (empty column)' });
type DictionaryRow = z.infer<typeof RowSchema>;
export type ColumnEntry = DictionaryRow & { type: (typeof FIELD_TYPES)[number] };
/** What the dictionary says about one file pattern: its own description and its columns in order. */
export interface FileEntry {
  file: string;
  description_en: string;
  description_km: string;
  columns: ColumnEntry[];
}

/** One published CSV: its path under data/ (always "/"), and the dictionary entries for its columns, in order. */
export interface PackagedFile {
  /** e.g. "findings/miccaf-outcomes.csv". */
  path: string;
  /** The dictionary's `file` value it matched ("findings/*.csv" or the path itself). */
  pattern: string;
  entry: FileEntry;
  columns: ColumnEntry[];
}

export function loadDictionary(dataRoot: string): FileEntry[] {
  const file = path.resolve(dataRoot, DICTIONARY_FILE);
  const shown = path.relative(process.cwd(), file);
  const rows = loadCsv(file, RowSchema, ['file', 'column', 'type', 'description_en', 'description_km']);
  const seen = new Map<string, number>();
  const problems: string[] = [];
  rows.forEach((e, i) => {
    const key = `${e.file} ${e.column}`;
    const what = e.column ? `the column "${e.column}" of ${e.file}` : `the file ${e.file}`;
    if (seen.has(key)) problems.push(`${shown} row ${i + 2}, column "column": ${what} is already described on row ${seen.get(key)}.`);
    seen.set(key, i + 2);
  });
  const files: FileEntry[] = [];
  for (const name of new Set(rows.map((r) => r.file))) {
    const own = rows.find((r) => r.file === name && r.column === '');
    const columns = rows.filter((r): r is ColumnEntry => r.file === name && r.column !== '');
    if (!own) problems.push(`${shown}: ${name} has no row that describes the file itself (a row with an empty column). Add one.`);
    if (!columns.length) problems.push(`${shown}: ${name} has no columns. Add a row for each column of the file.`);
    files.push({ file: name, description_en: own?.description_en ?? '', description_km: own?.description_km ?? '', columns });
  }
  if (problems.length) throw new DataError(problems.join('\n'), problems);
  return files;
}

/** Every file the dictionary describes, as found on disk (a folder pattern expands to its CSVs, sorted). */
export function packagedFiles(dataRoot: string, dictionary = loadDictionary(dataRoot)): PackagedFile[] {
  const out: PackagedFile[] = [];
  for (const entry of dictionary) {
    const pattern = entry.file;
    if (pattern.includes('*')) {
      const dir = path.posix.dirname(pattern);
      const abs = path.resolve(dataRoot, dir);
      const names = existsSync(abs) ? readdirSync(abs).filter((n) => n.endsWith('.csv')).sort() : [];
      for (const name of names) out.push({ path: `${dir}/${name}`, pattern, entry, columns: entry.columns });
    } else {
      out.push({ path: pattern, pattern, entry, columns: entry.columns });
    }
  }
  return out;
}

/**
 * Each packaged file's header against the dictionary: a file that is missing, a column the dictionary does not
 * describe, a described column the file lacks, or the columns in another order, each named with file and column.
 */
export function columnProblems(dataRoot: string, files = packagedFiles(dataRoot)): string[] {
  const problems: string[] = [];
  const shownRoot = path.relative(process.cwd(), path.resolve(dataRoot)) || '.';
  const dictionary = path.join(shownRoot, DICTIONARY_FILE);
  for (const f of files) {
    const abs = path.resolve(dataRoot, f.path);
    const shown = path.join(shownRoot, f.path);
    if (!existsSync(abs)) {
      problems.push(`${shown}: the file is missing, but ${dictionary} describes its columns. Restore the file, or remove its rows from ${dictionary}.`);
      continue;
    }
    let header: string[];
    try {
      header = parseCsvText(readFileSync(abs, 'utf8'), shown).header;
    } catch (error) {
      if (error instanceof DataError) {
        problems.push(...error.problems);
        continue;
      }
      throw error;
    }
    const expected = f.columns.map((c) => c.column);
    for (const column of header) {
      if (!expected.includes(column)) {
        problems.push(`${shown} row 1, column "${column}": not in the data package's schema (${dictionary}, file "${f.pattern}"). Add a row for it there, with its type and descriptions in English and Khmer, or remove the column. Expected columns: ${expected.join(', ')}.`);
      }
    }
    for (const column of expected) {
      if (!header.includes(column)) {
        problems.push(`${shown} row 1, column "${column}": missing. The data package's schema (${dictionary}, file "${f.pattern}") expects it; add the column, or remove its row from ${dictionary}.`);
      }
    }
    const shared = header.filter((c) => expected.includes(c));
    const expectedShared = expected.filter((c) => header.includes(c));
    const firstOut = shared.findIndex((c, i) => c !== expectedShared[i]);
    if (firstOut >= 0) {
      problems.push(`${shown} row 1, column "${shared[firstOut]}": the columns are in another order than the data package's schema gives (${dictionary}): expected ${expected.join(', ')}.`);
    }
  }
  return problems;
}

/** Throws a DataError naming every file and column that differs from the dictionary. */
export function assertColumnsMatch(dataRoot: string): PackagedFile[] {
  const files = packagedFiles(dataRoot);
  const problems = columnProblems(dataRoot, files);
  if (problems.length) throw new DataError(`The data files differ from the data package's schema (${problems.length} problem(s)):\n${problems.join('\n')}`, problems);
  return files;
}
