import { describe, expect, it } from 'vitest';
import { filterItems, liveCounts, matches, normalizeList, parseModes, parseSelection, selectionToQuery, unknownChoices, valueCounts, valueKey } from '../../src/lib/filters/facets';

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
  it('combines themes with AND when the reader asks for all of them', () => {
    expect(filterItems(recs, facets, { theme: ['mental-health', 'social-protection'] }, { theme: 'all' }).map((r) => r.id)).toEqual(['c']);
    // "All" of one value is the same as "any" of it.
    expect(filterItems(recs, facets, { theme: ['education'] }, { theme: 'all' }).map((r) => r.id)).toEqual(['d']);
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
  it('records "all" and a keyword, and reads the mode back', () => {
    const query = selectionToQuery({ theme: ['mental-health', 'social-protection'] }, ['theme', 'country'], { theme: 'all', country: 'all' }, '  caregivers ');
    expect(query).toBe('?q=caregivers&theme=mental-health&theme=social-protection&theme-match=all&country-match=all');
    expect(parseModes(query, ['theme', 'country', 'actor'])).toEqual({ theme: 'all', country: 'all' });
    expect(parseModes('?theme-match=some&actor-match=all', ['theme'])).toEqual({});
  });
  it('names the values in a URL that it ignored', () => {
    expect(unknownChoices('?theme=nope&theme=education&colour=red&country=mars', allowed)).toEqual(['theme=nope', 'country=mars']);
  });
  it('writes nothing for an empty selection', () => {
    expect(selectionToQuery({ theme: [] })).toBe('');
  });
});

describe('liveCounts', () => {
  const items = recs.map(facets);
  const values = { theme: ['mental-health', 'social-protection', 'caregivers', 'education'], country: ['cambodia', 'global', 'tajikistan'] };
  it('with nothing chosen, counts every item with the value', () => {
    expect(liveCounts(items, {}, {}, values)).toEqual({
      theme: { 'mental-health': 2, 'social-protection': 2, caregivers: 1, education: 1 },
      country: { cambodia: 2, global: 1, tajikistan: 1 },
    });
  });
  it('follows the other facets: with Cambodia chosen, themes count only Cambodian items', () => {
    const counts = liveCounts(items, { country: ['cambodia'] }, {}, values);
    expect(counts.theme).toEqual({ 'mental-health': 1, 'social-protection': 1, caregivers: 1, education: 0 });
    // A facet's own choice does not shrink its own counts under "any": ticking Global too would add one.
    expect(counts.country).toEqual({ cambodia: 2, global: 1, tajikistan: 1 });
  });
  it('under "all", counts what adding the value would leave', () => {
    const counts = liveCounts(items, { theme: ['mental-health'] }, { theme: 'all' }, values);
    expect(counts.theme).toEqual({ 'mental-health': 2, 'social-protection': 1, caregivers: 1, education: 0 });
    expect(counts.country).toEqual({ cambodia: 1, global: 1, tajikistan: 0 });
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
