/**
 * CSV loading: papaparse reads, zod validates each row. Every problem is reported with the
 * file, the row (as a spreadsheet shows it: header = row 1), the column, the value found and what was expected.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { z } from 'zod';

export class DataError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = 'DataError';
  }
}

export interface ParsedCsv {
  header: string[];
  rows: Record<string, string>[];
}

/** Parses CSV text (BOM, CRLF and quoted newlines are fine) into header and string rows; ragged rows are errors. */
export function parseCsvText(text: string, file: string): ParsedCsv {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.includes('\uFFFD')) {
    throw new DataError(`${file}: the file contains bytes that are not UTF-8 (shown as �). Save it as "CSV UTF-8" and try again.`);
  }
  const result = Papa.parse<string[]>(clean, { delimiter: ',', skipEmptyLines: 'greedy' });
  const problems: string[] = [];
  for (const error of result.errors) {
    const row = typeof error.row === 'number' ? ` row ${error.row + 1}` : '';
    problems.push(`${file}${row}: ${error.message}. Check the quotes on that row: a field with a comma or line break must be wrapped in double quotes.`);
  }
  const [header, ...body] = result.data;
  if (!header || header.every((h) => h.trim() === '')) {
    throw new DataError(`${file}: the file is empty. It needs a header row and at least one data row.`);
  }
  const names = header.map((h) => h.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) problems.push(`${file} row 1: the column "${name}" appears twice. Each column name must be unique.`);
    seen.add(name);
  }
  if (body.length === 0) problems.push(`${file}: the file has a header but no data rows. Add at least one row.`);
  const rows: Record<string, string>[] = [];
  body.forEach((cells, i) => {
    const rowNumber = i + 2;
    if (cells.length !== names.length) {
      problems.push(
        `${file} row ${rowNumber}: found ${cells.length} fields, expected ${names.length} (${names.join(', ')}). ` +
          'A missing or extra comma, or an unquoted comma inside a value, shifts the columns.',
      );
      return;
    }
    rows.push(Object.fromEntries(names.map((name, c) => [name, cells[c].trim()])));
  });
  if (problems.length) throw new DataError(problems.join('\n'), problems);
  return { header: names, rows };
}

/** Validates rows with a zod schema; collects every problem before failing. */
export function validateRows<S extends z.ZodType>(parsed: ParsedCsv, schema: S, file: string, requiredColumns: readonly string[] = []): z.infer<S>[] {
  const problems: string[] = [];
  for (const column of requiredColumns) {
    if (!parsed.header.includes(column)) {
      problems.push(`${file} row 1: the column "${column}" is missing. Expected columns: ${requiredColumns.join(', ')}.`);
    }
  }
  if (problems.length) throw new DataError(problems.join('\n'), problems);
  const out: z.infer<S>[] = [];
  parsed.rows.forEach((row, i) => {
    const result = schema.safeParse(row);
    if (result.success) {
      out.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? '');
      const found = column in row ? JSON.stringify(row[column]) : 'nothing';
      problems.push(`${file} row ${i + 2}, column "${column}": found ${found}; expected ${issue.message}.`);
    }
  });
  if (problems.length) throw new DataError(problems.join('\n'), problems);
  return out;
}

/** Reads and validates a CSV file; `file` is shown relative to the project root in messages. */
export function loadCsv<S extends z.ZodType>(absFile: string, schema: S, requiredColumns: readonly string[] = []): z.infer<S>[] {
  const shown = path.relative(process.cwd(), absFile) || absFile;
  let text: string;
  try {
    text = readFileSync(absFile, 'utf8');
  } catch (error) {
    throw new DataError(`${shown}: cannot read the file (${(error as Error).message}).`);
  }
  return validateRows(parseCsvText(text, shown), schema, shown, requiredColumns);
}
