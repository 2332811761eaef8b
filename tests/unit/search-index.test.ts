/** The build's search files: records as pages, cross-language terms, and the patch that hands weights to ranking. */
import { describe, expect, it } from 'vitest';
import { crossTerms, exposeWeights } from '../../src/integrations/search-index';
import { recordHtml } from '../../src/lib/search/records';

describe('exposeWeights', () => {
  const shape = 'let res={id:result2.p,score:result2.s*this.indexWeight,words:locations,data:async()=>await this.loadFragment(result2.p)};';

  it("adds each result's word weights beside its words", () => {
    const out = exposeWeights(shape);
    expect(out).toContain('words:locations,weights:weighted_locations.map((l)=>l.weight),data:async()=>');
    expect(exposeWeights(out)).toBe(out);
  });

  it('fails the build, saying what to update, when pagefind.js changed shape', () => {
    expect(() => exposeWeights('let res={id,words:w,data:()=>x}')).toThrow(/exposeWeights in src\/integrations\/search-index.ts/);
  });
});

describe('crossTerms', () => {
  const entries = [
    { id: 'who', termEn: 'World Health Organization (WHO)', termKm: 'អង្គការសុខភាពពិភពលោក', noteEn: '', noteKm: '', avoid: [] },
    { id: 'caregiver', termEn: 'caregiver', termKm: 'អ្នកថែទាំ', noteEn: '', noteKm: '', avoid: ['អ្នកមើលថែ'] },
  ];

  it('gives the Khmer site the English names and acronyms, the English site the Khmer terms', () => {
    expect(crossTerms(entries, 'km')).toEqual([
      ['World Health Organization', 'អង្គការសុខភាពពិភពលោក'],
      ['WHO', 'អង្គការសុខភាពពិភពលោក'],
      ['caregiver', 'អ្នកថែទាំ'],
    ]);
    expect(crossTerms(entries, 'en')).toEqual([
      ['អង្គការសុខភាពពិភពលោក', 'WHO'],
      ['អ្នកថែទាំ', 'caregiver'],
    ]);
    expect(crossTerms(entries, 'fr')).toEqual([]);
  });
});

describe('recordHtml', () => {
  it('makes a record a page: its title as h1, its text, its meta and filters as escaped attributes', () => {
    const html = recordHtml({ url: '/en/recommendations/#rec-x', language: 'en', title: 'Run school feeding <now>', body: ['Why: "food"', ''], meta: { title: 'Run, school: feeding', type: 'Recommendation' }, filters: { theme: ['Health & nutrition'] } });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<main data-pagefind-body><h1>Run school feeding &lt;now&gt;</h1><p>Why: &quot;food&quot;</p><div hidden>');
    expect(html).toContain('<span data-pagefind-meta="title:Run, school: feeding"></span>');
    expect(html).toContain('<span data-pagefind-filter="theme:Health &amp; nutrition"></span>');
  });
});
