/** The build's search files: records as pages, cross-language terms, and the patch that hands weights to ranking. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { crossTerms, exposeWeights, fastExcerpts } from '../../src/integrations/search-index';
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

describe('fastExcerpts', () => {
  /** The pagefind.js this Pagefind version writes, from a one-page index. */
  async function shippedScript(): Promise<string> {
    const dir = mkdtempSync(path.join(tmpdir(), 'pagefind-js-'));
    try {
      const { index } = await pagefind.createIndex({});
      await index!.addHTMLFile({ url: '/x/', content: '<html lang="en"><body><main><h1>Title</h1><p>words here</p></main></body></html>' });
      await index!.writeFiles({ outputPath: dir });
      await pagefind.close();
      return readFileSync(path.join(dir, 'pagefind.js'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  type Builder = (content: string, start: number, length: number, locations: number[], notBefore?: number, notFrom?: number, ellipsis?: string) => { excerpt: string; plain_excerpt: string };
  const builderOf = (js: string): Builder => new Function(`${js.slice(js.indexOf('var word_separators='), js.indexOf('var calculate_sub_results='))};return build_excerpt;`)();

  it('returns what Pagefind\'s own excerpt builder returns, for spaced and zero-width-space-separated text', async () => {
    const js = await shippedScript();
    const patched = fastExcerpts(js);
    expect(patched).not.toBe(js);
    expect(fastExcerpts(patched)).toBe(patched);
    const [theirs, ours] = [builderOf(js), builderOf(patched)];
    const spaced = Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ');
    const joined = Array.from({ length: 300 }, (_, i) => `ក${i}`).join('\u200B');
    const cases: Parameters<Builder>[1 | 2 | 3 | 4 | 5 | 6][][] = [
      [0, 10, [1, 3], undefined, undefined, '…'],
      [295, 10, [296, 296], undefined, undefined, '…'],
      [50, 30, [40, 55, 60], 45, 70, undefined],
      [-5, 26, [], undefined, undefined, '…'],
      [10, 400, [11, 12], undefined, undefined, '…'],
    ];
    for (const text of [spaced, joined]) {
      for (const args of cases) {
        const call = (f: Builder) => f(text, ...(args as [number, number, number[], number?, number?, string?]));
        expect(call(ours)).toEqual(call(theirs));
      }
      // Called again on the same text (its words now kept), still the same.
      expect(ours(text, 5, 10, [6])).toEqual(theirs(text, 5, 10, [6]));
    }
    expect(ours(spaced, 0, 3, [1], undefined, undefined, '…').excerpt).toBe('w0 <mark>w1</mark> w2 …');
  });

  it('fails the build, saying what to update, when pagefind.js changed shape', () => {
    expect(() => fastExcerpts('var build_excerpt=(a,b)=>{return a};')).toThrow(/fastExcerpts in src\/integrations\/search-index.ts/);
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
