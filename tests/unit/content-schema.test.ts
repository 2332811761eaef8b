import { describe, expect, it } from 'vitest';
import { makeEntrySchema, makePageSchema } from '../../src/lib/content/schema';

const schema = makeEntrySchema({ themes: ['migration', 'mental-health'], countries: ['cambodia', 'global'], sources: ['miccaf'] });
const valid = {
  title: 'MICCAF key findings',
  summary: 'What the study found.',
  date: '2026-11-23',
  country: 'cambodia',
  themes: ['migration'],
  source: 'miccaf',
  translation: 'original',
};

function issues(data: unknown) {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('report and brief frontmatter', () => {
  it('accepts a complete entry and turns the date into a Date', () => {
    const parsed = schema.parse(valid);
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.date.toISOString().slice(0, 10)).toBe('2026-11-23');
  });

  it('names a missing field', () => {
    const { summary, ...rest } = valid;
    expect(issues(rest)).toEqual([expect.stringMatching(/^summary: /)]);
  });

  it('rejects an unknown theme and lists the allowed ones and where they live', () => {
    expect(issues({ ...valid, themes: ['migration', 'mentalhealth'] })).toEqual([
      'themes.1: unknown theme "mentalhealth": use one of migration, mental-health (listed in data/themes.csv)',
    ]);
  });

  it('rejects an unknown country and an unknown source document', () => {
    const found = issues({ ...valid, country: 'thailand', source: 'iom-2021' });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^country: unknown country "thailand"/);
    expect(found[1]).toMatch(/^source: unknown source document "iom-2021"/);
  });

  it('rejects a translation status outside original, machine, translated, reviewed', () => {
    expect(issues({ ...valid, translation: 'draft' })[0]).toMatch(/^translation: /);
  });

  it('rejects a date that is not a date', () => {
    expect(issues({ ...valid, date: 'last spring' })[0]).toMatch(/^date: /);
  });

  it('needs at least one theme', () => {
    expect(issues({ ...valid, themes: [] })[0]).toMatch(/^themes: /);
  });
});

describe('page frontmatter', () => {
  it('needs title, summary, date and translation only', () => {
    expect(makePageSchema().safeParse({ title: 'About', summary: 'How', date: '2026-11-23', translation: 'machine' }).success).toBe(true);
    expect(makePageSchema().safeParse({ title: 'About', date: '2026-11-23', translation: 'machine' }).success).toBe(false);
  });
});
