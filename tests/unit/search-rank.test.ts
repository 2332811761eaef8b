import { describe, expect, it } from 'vitest';
import { compareStanding, groupParts, phraseIds, rankHits, standing, termsOf, type RankedHit, type TermHits } from '../../src/lib/search/rank';

/** A result with `uses` matched words, each of weight `weight` (10 title, 5 heading or label, 1 body). */
const hit = (id: string, uses: number, weight = 1, score = 1): RankedHit => ({ id, score, words: Array.from({ length: uses }, (_, i) => i), weights: Array.from({ length: uses }, () => weight) });
const term = (...hits: RankedHit[]): TermHits => new Map(hits.map((h) => [h.id, h]));
const ids = (xs: { hit: { id: string } }[]) => xs.map((x) => x.hit.id);

describe('rankHits', () => {
  it('puts a title match before a heading match before a body match, however often the body uses the words', () => {
    const hits = [hit('report', 140, 1), hit('chart', 2, 10), hit('brief', 30, 5)];
    expect(ids(rankHits(hits, [term(...hits)], new Set()))).toEqual(['chart', 'brief', 'report']);
  });

  it('counts the words of the query that stand in the title: the chart titled with all three words beats titles with one', () => {
    // "migrant household income": the report's title holds one word, the chart's all three.
    const all = [hit('report', 300), hit('chart', 9)];
    const migrant = term(hit('report', 100, 10), hit('chart', 3, 10));
    const household = term(hit('report', 100, 1), hit('chart', 3, 10));
    const income = term(hit('report', 100, 1), hit('chart', 3, 10));
    expect(ids(rankHits(all, [migrant, household, income], new Set()))).toEqual(['chart', 'report']);
  });

  it('ranks by how often the words are used only among results whose words stand alike', () => {
    const hits = [hit('a', 3), hit('b', 12), hit('c', 7)];
    expect(ids(rankHits(hits, [term(...hits)], new Set()))).toEqual(['b', 'c', 'a']);
  });

  it('puts results holding the words as a phrase first among equals, then counts the least used word', () => {
    const all = [hit('apart', 50), hit('together', 4), hit('particle', 40)];
    // The particle counts for nothing: "particle" uses ទេ 40 times but សន្ត once.
    const te = term(hit('apart', 25), hit('together', 2), hit('particle', 39));
    const sant = term(hit('apart', 25), hit('together', 2), hit('particle', 1));
    expect(ids(rankHits(all, [te, sant], new Set(['together'])))).toEqual(['together', 'apart', 'particle']);
  });

  it("breaks the last ties with Pagefind's score and leaves the input untouched", () => {
    const hits = [hit('a', 2, 1, 0.1), hit('b', 2, 1, 0.9)];
    expect(ids(rankHits(hits, [term(...hits)], new Set()))).toEqual(['b', 'a']);
    expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
  });

  it('treats a result without weights as body text', () => {
    const plain = { id: 'x', score: 1, words: [1, 2] };
    expect(standing(plain, [term(plain)], new Set())).toMatchObject({ title: 0, label: 0, uses: 2 });
    expect(compareStanding(standing(hit('t', 1, 10), [term(hit('t', 1, 10))], new Set()), standing(plain, [term(plain)], new Set()))).toBeLessThan(0);
  });
});

describe('termsOf', () => {
  it('gives each word of the index query once, without quotes', () => {
    expect(termsOf(' "ទេ សន្ត  ប្រវេសន៍" ')).toEqual(['ទេ', 'សន្ត', 'ប្រវេសន៍']);
    expect(termsOf('social social protection')).toEqual(['social', 'protection']);
    expect(termsOf('   ')).toEqual([]);
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

  it('shows a record whose title holds the query as a result of its own, and still groups the others', () => {
    const groups = groupParts<Hit>([{ id: 'rec-1' }, { id: 'report' }, { id: 'rec-2' }], listingOf, pages, (h) => h.id === 'rec-1');
    expect(ids(groups.map((g) => g.hit))).toEqual(['rec-1', 'report', 'recs']);
    expect(ids(groups[2].parts)).toEqual(['rec-2']);
  });

  it('leaves records on their own when their page is not allowed (a filter for recommendations left it out)', () => {
    const onlyPractices = new Map([['practices', pages.get('practices')!]]);
    const groups = groupParts<Hit>([{ id: 'rec-1' }, { id: 'rec-2' }, { id: 'practice-1' }], listingOf, onlyPractices);
    expect(ids(groups.map((g) => g.hit))).toEqual(['rec-1', 'rec-2', 'practices']);
  });
});

describe('phraseIds', () => {
  const at = (id: string, words: number[]): RankedHit => ({ id, score: 1, words });

  it('finds the results whose words stand one after another, in the order typed', () => {
    const mental = term(at('a', [4, 20]), at('b', [7]), at('c', [3]));
    const health = term(at('a', [21]), at('b', [6]), at('c', [9]));
    const all = [at('a', [4, 20, 21]), at('b', [6, 7]), at('c', [3, 9])];
    // a: "mental health" at 20-21; b: "health mental" (wrong order); c: apart.
    expect([...phraseIds(all, [mental, health])]).toEqual(['a']);
  });

  it('needs every word, in a row, for three words', () => {
    const t1 = term(at('a', [1]), at('b', [1]));
    const t2 = term(at('a', [2]), at('b', [2]));
    const t3 = term(at('a', [3]), at('b', [5]));
    expect([...phraseIds([at('a', []), at('b', []), at('x', [])], [t1, t2, t3])]).toEqual(['a']);
  });
});
