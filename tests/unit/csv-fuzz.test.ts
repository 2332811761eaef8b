/** Property tests of the CSV loader: whatever the bytes, it returns rows or throws a clear DataError, never anything else. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError, parseCsvText, validateRows } from '../../src/lib/data/csv';
import { FindingRowSchema, FINDING_COLUMNS } from '../../src/lib/data/findings';

function outcome(run: () => unknown): 'ok' | 'data-error' {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof DataError) {
      expect(error.message.length).toBeGreaterThan(10);
      expect(error.message).toMatch(/^fuzz\.csv/m);
      return 'data-error';
    }
    throw error;
  }
}

describe('CSV loader under random input', () => {
  it('random bytes decoded as UTF-8 give rows or a DataError naming the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        outcome(() => validateRows(parseCsvText(text, 'fuzz.csv'), FindingRowSchema, 'fuzz.csv', FINDING_COLUMNS));
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('random ragged tables under the real header give rows or a DataError', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '12', '3.5', '២០', '1,000', '"', 'better', 'usd', 'miccaf'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 20 }), { maxLength: 8 }), fc.boolean(), (rows, crlf) => {
        const text = [FINDING_COLUMNS.join(','), ...rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join(crlf ? '\r\n' : '\n');
        outcome(() => validateRows(parseCsvText(text, 'fuzz.csv'), FindingRowSchema, 'fuzz.csv', FINDING_COLUMNS));
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
