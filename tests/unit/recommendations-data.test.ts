import { describe, expect, it } from 'vitest';
import { crossCheck, policyData } from '../../src/lib/data/recommendations';
import { localText, recommendationFacets } from '../../src/lib/policy/view';
import { filterItems } from '../../src/lib/filters/facets';

describe('crossCheck', () => {
  const rows = [
    { id: 'miccaf-01', themes: ['mental-health'], supports: ['miccaf-outcomes-005'] },
    { id: 'miccaf-01', themes: ['mental-helth'], supports: ['miccaf-outcomes-999'] },
  ];
  const problems = crossCheck(rows, 'data/recommendations.csv', [
    { column: 'themes', values: (r) => r.themes as string[], allowed: new Set(['mental-health']), registry: 'data/themes.csv' },
    { column: 'supports', values: (r) => r.supports as string[], allowed: new Set(['miccaf-outcomes-005']), registry: 'the ids of data/findings/*.csv' },
  ]);
  it('names a duplicate id with both rows', () => {
    expect(problems).toContain('data/recommendations.csv row 3, column "id": "miccaf-01" is already used on row 2. Ids must be unique.');
  });
  it('names an unknown theme with file, row and value', () => {
    expect(problems).toContain('data/recommendations.csv row 3, column "themes": found "mental-helth", which is not in data/themes.csv. Fix the value or add it there.');
  });
  it('names a link to a finding that does not exist', () => {
    expect(problems).toContain('data/recommendations.csv row 3, column "supports": found "miccaf-outcomes-999", which is not in the ids of data/findings/*.csv. Fix the value or add it there.');
  });
});

describe('the published recommendations', () => {
  const { recommendations, practices } = policyData();
  it('come from all five source documents, with the Khatlon items marked as planned actions', () => {
    expect(new Set(recommendations.map((r) => r.source))).toEqual(new Set(['miccaf', 'unicef', 'remittances', 'family-package', 'khatlon']));
    expect(recommendations.filter((r) => r.source === 'khatlon').every((r) => r.kind === 'planned-action')).toBe(true);
  });
  it('are numbered <source>-01, -02… within each source, without gaps, as the data README says', () => {
    const bySource = new Map<string, string[]>();
    for (const r of recommendations) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r.id]);
    for (const [source, ids] of bySource) {
      expect(ids, source).toEqual(ids.map((_, i) => `${source}-${String(i + 1).padStart(2, '0')}`));
    }
  });
  it('each have English and Khmer text and a locator', () => {
    for (const r of recommendations) {
      expect(r.text_en, r.id).not.toBe('');
      expect(r.text_km, r.id).not.toBe('');
      expect(r.locator, r.id).not.toBe('');
    }
  });
  it('can be reached through a theme', () => {
    const reached = new Set(recommendations.flatMap((r) => r.themes).flatMap((theme) => filterItems(recommendations, recommendationFacets, { theme: [theme] }).map((r) => r.id)));
    expect(reached.size).toBe(recommendations.length);
  });
  it('include every practice of the annex', () => {
    expect(practices.length).toBeGreaterThanOrEqual(39);
  });
});

describe('localText', () => {
  it('gives the Khmer text when there is one', () => {
    expect(localText({ text_en: 'Train caregivers', text_km: 'បណ្តុះបណ្តាលអ្នកថែទាំ' }, 'text', 'km')).toEqual({ text: 'បណ្តុះបណ្តាលអ្នកថែទាំ', lang: 'km', untranslated: false });
  });
  it('falls back to English, flagged as untranslated, when the Khmer is missing', () => {
    expect(localText({ text_en: 'Train caregivers', text_km: '' }, 'text', 'km')).toEqual({ text: 'Train caregivers', lang: 'en', untranslated: true });
  });
  it('does not flag an empty field', () => {
    expect(localText({ policy_en: '', policy_km: '' }, 'policy', 'km').untranslated).toBe(false);
  });
});
