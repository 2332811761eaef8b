import { describe, expect, it } from 'vitest';
import { pairEntries, parseEntryId } from '../../src/lib/content/pairing';

const e = (id: string) => ({ id });

describe('parseEntryId', () => {
  it('reads the language folder and the slug', () => {
    expect(parseEntryId('km/miccaf', ['en', 'km'])).toEqual({ lang: 'km', slug: 'miccaf' });
  });
  it('refuses a file outside a language folder, naming the folders to use', () => {
    expect(() => parseEntryId('fr/miccaf', ['en', 'km'], 'reports')).toThrow(/content\/reports\/en\/ or content\/reports\/km\//);
  });
});

describe('pairEntries', () => {
  const pages = pairEntries([e('en/a'), e('km/a'), e('en/b'), e('km/c')], ['en', 'km'], 'en');

  it('gives every slug a page in every language', () => {
    expect(pages.map((p) => `${p.lang}/${p.slug}`)).toEqual(['en/a', 'km/a', 'en/b', 'km/b', 'en/c', 'km/c']);
  });
  it('uses the translation where there is one', () => {
    const kmA = pages.find((p) => p.lang === 'km' && p.slug === 'a')!;
    expect(kmA).toMatchObject({ isFallback: false, entry: { id: 'km/a' } });
  });
  it('shows the English text, flagged, where the Khmer is missing', () => {
    const kmB = pages.find((p) => p.lang === 'km' && p.slug === 'b')!;
    expect(kmB).toMatchObject({ isFallback: true, entry: { id: 'en/b' }, available: ['en'] });
  });
  it('falls back the other way when only the Khmer exists', () => {
    const enC = pages.find((p) => p.lang === 'en' && p.slug === 'c')!;
    expect(enC).toMatchObject({ isFallback: true, entry: { id: 'km/c' } });
  });
  it('handles a third language with the default language as first fallback', () => {
    const three = pairEntries([e('en/a'), e('km/a')], ['en', 'km', 'tg'], 'en');
    expect(three.find((p) => p.lang === 'tg')).toMatchObject({ isFallback: true, entry: { id: 'en/a' } });
  });
});
