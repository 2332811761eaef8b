import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, missingKeys } from '../../src/lib/i18n/translate';
import { loadSiteConfig } from '../../src/lib/config/site-config';

describe('createTranslator', () => {
  const t = createTranslator('en', { 'a.b': 'Hello {{name}}', 'n.one': '{{count}} item', 'n.other': '{{count}} items' }, { only: 'fallback' });
  it('fills placeholders', () => {
    expect(t('a.b', { name: 'Dara' })).toBe('Hello Dara');
  });
  it('chooses the plural form from count and formats the number', () => {
    expect(t('n', { count: 1 })).toBe('1 item');
    expect(t('n', { count: 2500 })).toBe('2,500 items');
  });
  it('falls back to the fallback dictionary', () => {
    expect(t('only')).toBe('fallback');
  });
  it('fails loudly on a key no dictionary has', () => {
    expect(() => t('nope')).toThrow(/Missing UI string "nope"/);
  });
  it('formats numbers in Khmer digits when asked', () => {
    const km = createTranslator('km', { x: '{{count}} ធាតុ' }, {}, (n) => new Intl.NumberFormat('km-u-nu-khmr').format(n));
    expect(km('x', { count: 12 })).toBe('១២ ធាតុ');
  });
});

describe('UI dictionaries', () => {
  const config = loadSiteConfig({});
  const reference = config.dictionaries[config.defaultLocale];
  // Plural variants ("key.one") differ by language; compare the base keys and require an "other" form.
  const PLURAL = /\.(zero|one|two|few|many|other)$/;
  const baseKeys = (d: Record<string, string>) => new Set(Object.keys(d).map((k) => k.replace(PLURAL, '')));

  for (const locale of config.locales) {
    it(`"${locale.code}" has exactly the keys of "${config.defaultLocale}"`, () => {
      const dict = config.dictionaries[locale.code];
      const ref = [...baseKeys(reference)].sort();
      expect([...baseKeys(dict)].sort()).toEqual(ref);
      for (const key of Object.keys(dict).filter((k) => PLURAL.test(k))) {
        expect(dict[key.replace(PLURAL, '.other')], `${locale.code}: ${key} needs an "other" form`).toBeTypeOf('string');
      }
    });
    it(`"${locale.code}" has no empty strings`, () => {
      expect(Object.entries(config.dictionaries[locale.code]).filter(([, v]) => !v.trim())).toEqual([]);
    });
  }

  it('every dictionary file in src/config/ui belongs to a configured language', () => {
    const files = readdirSync(path.resolve('src/config/ui')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(config.locales.map((l) => l.code).sort());
  });

  it('missingKeys lists what one dictionary lacks', () => {
    expect(missingKeys({ a: '1', b: '2' }, { a: 'x' })).toEqual(['b']);
    expect(JSON.parse(readFileSync('src/config/ui/km.json', 'utf8'))['nav.reports']).toBe('របាយការណ៍');
  });
});
