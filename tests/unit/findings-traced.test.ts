/**
 * Every number drawn on the site can be found in its source document: each findings value appears in the
 * text extraction of the document its row names (../shared/seeds), as printed (digits, thousands commas,
 * "million" or "billion" wording). Skipped where the seeds are not beside the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasets } from '../../src/lib/data/findings';
import { registries } from '../../src/lib/data/registries';

const SEEDS = path.resolve('..', 'shared', 'seeds');
const seedsPresent = existsSync(SEEDS);

function printedForms(value: number): string[] {
  const plain = String(value);
  const grouped = value.toLocaleString('en-US', { maximumFractionDigits: 10 });
  const forms = [plain, grouped, grouped.replace(/,/g, ' ')];
  for (const [unit, size] of [['million', 1e6], ['billion', 1e9]] as const) {
    if (value >= size && value % (size / 10) === 0) forms.push(`${value / size} ${unit}`);
  }
  return forms;
}

describe.skipIf(!seedsPresent)('findings traced to their source documents', () => {
  const sources = new Map(registries().sources.map((s) => [s.id, s.seed_file]));
  const text = new Map<string, string>();
  const seed = (id: string) => {
    if (!text.has(id)) text.set(id, readFileSync(path.join(SEEDS, sources.get(id)!), 'utf8').replace(/\s+/g, ' '));
    return text.get(id)!;
  };
  it('every value appears, as printed, in the document its row names', () => {
    const missing: string[] = [];
    for (const dataset of loadDatasets()) {
      for (const row of dataset.rows) {
        if (row.value === null) continue;
        const doc = seed(row.source);
        if (!printedForms(row.value).some((form) => new RegExp(`(^|[^0-9.,])${form.replace(/[.$]/g, '\\$&')}([^0-9]|$)`).test(doc))) {
          missing.push(`${dataset.id} ${row.id}: ${row.value} not found in ${sources.get(row.source)}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
