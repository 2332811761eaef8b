import { describe, expect, it } from 'vitest';
import { resolveKeyCharts, resolveKeyMessages } from '../../src/lib/content/key-messages';

const headings = [
  { depth: 2, slug: 'findings', text: 'Findings' },
  { depth: 3, slug: 'income', text: 'Income' },
  { depth: 2, slug: 'ការរកឃើញ', text: 'ការរកឃើញ' },
];

describe('resolveKeyMessages', () => {
  it('links a message to the ## heading it names, by the heading text', () => {
    expect(resolveKeyMessages([{ text: 'Income was lower.', section: 'findings' }], headings, 'x.mdx')).toEqual([
      { text: 'Income was lower.', href: '#findings', sectionTitle: 'Findings' },
    ]);
  });
  it('keeps a plain sentence without a link', () => {
    expect(resolveKeyMessages(['Plain.'], headings, 'x.mdx')).toEqual([{ text: 'Plain.' }]);
  });
  it('resolves Khmer headings', () => {
    expect(resolveKeyMessages([{ text: 'ក', section: 'ការរកឃើញ' }], headings, 'x.mdx')[0].href).toBe('#ការរកឃើញ');
  });
  it('fails with the file, the field and the headings when the section does not exist', () => {
    expect(() => resolveKeyMessages(['ok', { text: 'a', section: 'Income' }], headings, 'content/reports/en/x.mdx')).toThrow(
      /content\/reports\/en\/x\.mdx: keyMessages\.1\.section "Income" is not a ## heading.*"Findings", "ការរកឃើញ"/,
    );
  });
});

describe('resolveKeyCharts', () => {
  it('fails with the unknown id and the ids that exist', () => {
    const find = (id: string) => (id === 'a' ? { id } : undefined);
    expect(resolveKeyCharts(['a'], find, ['a', 'b'], 'f.mdx')).toEqual([{ id: 'a' }]);
    expect(() => resolveKeyCharts(['a', 'c'], find, ['a', 'b'], 'f.mdx')).toThrow('f.mdx: keyCharts.1 "c" is not a chart id in data/charts.csv. Ids there: a, b.');
  });
});
