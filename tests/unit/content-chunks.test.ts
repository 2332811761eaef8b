import { describe, expect, it } from 'vitest';
import { contentChunkName } from '../../src/lib/build/content-chunks';

describe('contentChunkName', () => {
  it('names one chunk per collection and language', () => {
    expect(contentChunkName('/site/content/reports/en/miccaf.mdx')).toBe('content-reports-en');
    expect(contentChunkName('/tmp/corpus/content/reports/km/synthetic-00001.mdx?astroPropagatedAssets')).toBe('content-reports-km');
    expect(contentChunkName('C:\\site\\content\\briefs\\km\\khatlon.md')).toBe('content-briefs-km');
  });

  it('leaves every other module to the default splitting', () => {
    expect(contentChunkName('/site/src/pages/[lang]/reports/[slug].astro')).toBeNull();
    expect(contentChunkName('/site/node_modules/d3-scale/src/linear.js')).toBeNull();
    expect(contentChunkName('astro:content')).toBeNull();
  });
});
