import { describe, expect, it } from 'vitest';
import { exactQuery, groupParts, isSplitRun, longestWord, rankByUse, rankPhrase } from '../../src/lib/search/rank';

const hit = (id: string, uses: number, score: number) => ({ id, score, words: Array.from({ length: uses }, (_, i) => i) });

describe('rankByUse', () => {
  it('puts the page that uses the words most before pages Pagefind scored higher', () => {
    const ranked = rankByUse([hit('record', 1, 6.3), hit('report', 140, 5.0), hit('chart', 14, 9.3)], new Set(['record', 'report', 'chart']));
    expect(ranked.map((h) => h.id)).toEqual(['report', 'chart', 'record']);
  });

  it('puts whole-word matches before pages where the query only begins a longer word', () => {
    // "the": a page full of "there" and "these" but never "the" comes after pages that say "the".
    const ranked = rankByUse([hit('prefix-only', 90, 1), hit('whole', 3, 0.2)], new Set(['whole']));
    expect(ranked.map((h) => h.id)).toEqual(['whole', 'prefix-only']);
  });

  it("breaks ties with Pagefind's score and leaves the input untouched", () => {
    const hits = [hit('a', 2, 0.1), hit('b', 2, 0.9)];
    expect(rankByUse(hits, new Set()).map((h) => h.id)).toEqual(['b', 'a']);
    expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
  });
});

describe('exactQuery', () => {
  it('quotes the query as a phrase', () => {
    expect(exactQuery('caregiver depression')).toBe('"caregiver depression"');
    expect(exactQuery('សុខភាព ផ្លូវចិត្ត')).toBe('"សុខភាព ផ្លូវចិត្ត"');
  });

  it('adds nothing for an empty or already quoted query, and never nests quotes', () => {
    expect(exactQuery('  ')).toBeNull();
    expect(exactQuery('"left behind"')).toBeNull();
    expect(exactQuery('say "hi')).toBe('"say  hi"');
  });
});

describe('Khmer typed as one run', () => {
  it('is a phrase when segmentation split it, and not when the reader typed the spaces', () => {
    expect(isSplitRun('ទេសន្តប្រវេសន៍', 'ទេ សន្ត ប្រវេសន៍')).toBe(true);
    expect(isSplitRun('គ្រួសារ', 'គ្រួសារ')).toBe(false);
    expect(isSplitRun('caregiver depression', 'caregiver depression')).toBe(false);
  });

  it('orders the pages holding the phrase by how often they use its longest word', () => {
    expect(longestWord('ទេ សន្ត ប្រវេសន៍')).toBe('ប្រវេសន៍');
    const phrase = [hit('brief', 1, 1), hit('report', 1, 1), hit('chart', 1, 1)];
    const word = [hit('report', 30, 0.5), hit('brief', 12, 0.9), hit('only-word', 50, 2)];
    expect(rankPhrase(phrase, word).map((h) => h.id)).toEqual(['report', 'brief', 'chart']);
  });
});

describe('groupParts', () => {
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
  const listingOf = new Map([
    ['rec-1', 'recs'],
    ['rec-2', 'recs'],
    ['practice-1', 'practices'],
  ]);
  type Hit = { id: string; from?: string };
  const pages = new Map<string, Hit>([
    ['recs', { id: 'recs', from: 'filter-only search' }],
    ['practices', { id: 'practices', from: 'filter-only search' }],
  ]);

  it('puts matching records under their page, where the best of them stood, keeping order', () => {
    const groups = groupParts<Hit>([{ id: 'report' }, { id: 'rec-2' }, { id: 'chart' }, { id: 'rec-1' }, { id: 'practice-1' }], listingOf, pages);
    expect(ids(groups.map((g) => g.hit))).toEqual(['report', 'recs', 'chart', 'practices']);
    expect(ids(groups[1].parts)).toEqual(['rec-2', 'rec-1']);
    expect(groups[0].parts).toEqual([]);
  });

  it('uses the page’s own result when the page matched too, wherever it ranked', () => {
    const own = { id: 'recs', from: 'this search' };
    const groups = groupParts<Hit>([{ id: 'rec-1' }, { id: 'report' }, own], listingOf, pages);
    expect(groups.map((g) => g.hit)).toEqual([own, { id: 'report' }]);
    expect(ids(groups[0].parts)).toEqual(['rec-1']);
  });

  it('leaves records on their own when their page is not allowed (a filter for recommendations left it out)', () => {
    const onlyPractices = new Map([['practices', pages.get('practices')!]]);
    const groups = groupParts<Hit>([{ id: 'rec-1' }, { id: 'rec-2' }, { id: 'practice-1' }], listingOf, onlyPractices);
    expect(ids(groups.map((g) => g.hit))).toEqual(['rec-1', 'rec-2', 'practices']);
  });
});
