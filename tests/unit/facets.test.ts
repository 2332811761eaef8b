import { describe, expect, it } from 'vitest';
import { filterItems, matches, normalizeList, parseSelection, selectionToQuery, valueCounts, valueKey } from '../../src/lib/filters/facets';

const recs = [
  { id: 'a', theme: ['mental-health', 'caregivers'], actor: ['health-ministry'], country: ['cambodia'] },
  { id: 'b', theme: ['social-protection'], actor: ['government'], country: ['cambodia'] },
  { id: 'c', theme: ['social-protection', 'mental-health'], actor: ['ngos'], country: ['global'] },
  { id: 'd', theme: ['education'], actor: ['schools'], country: ['tajikistan'] },
];
const facets = ({ theme, actor, country }: (typeof recs)[number]) => ({ theme, actor, country });
const ids = (sel: Record<string, string[]>) => filterItems(recs, facets, sel).map((r) => r.id);

describe('matches and filterItems', () => {
  it('shows everything when nothing is chosen', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ theme: [] })).toEqual(['a', 'b', 'c', 'd']);
  });
  it('combines themes with OR: mental health or social protection', () => {
    expect(ids({ theme: ['mental-health', 'social-protection'] })).toEqual(['a', 'b', 'c']);
  });
  it('combines different facets with AND', () => {
    expect(ids({ theme: ['mental-health', 'social-protection'], country: ['cambodia'] })).toEqual(['a', 'b']);
    expect(ids({ theme: ['education'], country: ['cambodia'] })).toEqual([]);
  });
  it('does not match an item that lacks the facet', () => {
    expect(matches({ theme: ['x'] }, { actor: ['government'] })).toBe(false);
  });
});

describe('query strings', () => {
  const allowed = { theme: ['mental-health', 'social-protection', 'education'], country: ['cambodia', 'global'] };
  it('round-trips a selection through the URL', () => {
    const selection = { theme: ['mental-health', 'social-protection'], country: ['cambodia'] };
    const query = selectionToQuery(selection, ['theme', 'country']);
    expect(query).toBe('?theme=mental-health&theme=social-protection&country=cambodia');
    expect(parseSelection(query, allowed)).toEqual(selection);
  });
  it('ignores unknown facets, unknown values and repeats in a shared URL', () => {
    expect(parseSelection('?theme=nope&theme=education&theme=education&colour=red', allowed)).toEqual({ theme: ['education'] });
  });
  it('writes nothing for an empty selection', () => {
    expect(selectionToQuery({ theme: [] })).toBe('');
  });
});

describe('valueCounts', () => {
  it('counts items per value of each facet', () => {
    expect(valueCounts(recs, facets).theme).toEqual({ 'mental-health': 2, caregivers: 1, 'social-protection': 2, education: 1 });
  });
});

describe('printed lists', () => {
  it('splits on semicolons and commas and tidies spaces', () => {
    expect(normalizeList('Data and research ; Labour migration and mobility')).toEqual(['Data and research', 'Labour migration and mobility']);
    expect(normalizeList('Remittances, Data and research')).toEqual(['Remittances', 'Data and research']);
  });
  it('gives case variants one key', () => {
    expect(valueKey('Migration and Health')).toBe(valueKey('Migration and health'));
    expect(valueKey('Migration and Health')).toBe('migration-and-health');
  });
});
