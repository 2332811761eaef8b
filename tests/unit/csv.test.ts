import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DataError, parseCsvText, validateRows } from '../../src/lib/data/csv';

const schema = z.object({ id: z.string().min(1), value: z.string().regex(/^\d+(\.\d+)?$/, 'a number such as 12.5') });

describe('parseCsvText', () => {
  it('drops a byte-order mark so the first column keeps its name', () => {
    expect(parseCsvText('\uFEFFid,value\na,1\n', 'x.csv').header).toEqual(['id', 'value']);
  });
  it('reads CRLF line ends and quoted newlines', () => {
    const { rows } = parseCsvText('id,value\r\n"a\r\nb",1\r\n', 'x.csv');
    expect(rows).toEqual([{ id: 'a\r\nb', value: '1' }]);
  });
  it('names the file and row of a ragged row', () => {
    expect(() => parseCsvText('id,value\na,1\nb,2,3\n', 'data/x.csv')).toThrow('data/x.csv row 3: found 3 fields, expected 2 (id, value)');
  });
  it('refuses an empty file', () => {
    expect(() => parseCsvText('', 'data/empty.csv')).toThrow('data/empty.csv: the file is empty');
  });
  it('refuses a header without rows', () => {
    expect(() => parseCsvText('id,value\n', 'data/h.csv')).toThrow(/no data rows/);
  });
  it('refuses text that was not UTF-8', () => {
    expect(() => parseCsvText('id,value\nCaf\uFFFD,1\n', 'data/latin1.csv')).toThrow(/not UTF-8/);
  });
});

describe('validateRows', () => {
  it('reports file, row, column, value found and what was expected, for every bad row', () => {
    const parsed = parseCsvText('id,value\na,1\nb,n/a\nc,x\n', 'data/x.csv');
    try {
      validateRows(parsed, schema, 'data/x.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).problems).toEqual([
        'data/x.csv row 3, column "value": found "n/a"; expected a number such as 12.5.',
        'data/x.csv row 4, column "value": found "x"; expected a number such as 12.5.',
      ]);
    }
  });
  it('names a missing column', () => {
    expect(() => validateRows(parseCsvText('id\na\n', 'x.csv'), schema, 'x.csv', ['id', 'value'])).toThrow('x.csv row 1: the column "value" is missing');
  });
});
