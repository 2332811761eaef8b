import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/config/site-config';

function writeConfig(config: object, dictionaries: Record<string, object> = { en: {} }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'site-config-'));
  mkdirSync(path.join(dir, 'ui'));
  for (const [code, dict] of Object.entries(dictionaries)) writeFileSync(path.join(dir, 'ui', `${code}.json`), JSON.stringify(dict));
  writeFileSync(path.join(dir, 'site.json'), JSON.stringify(config));
  return path.join(dir, 'site.json');
}

const minimal = {
  url: 'https://example.org',
  identity: { title: { en: 'T' }, organisation: { en: 'O' } },
  defaultLocale: 'en',
  locales: [{ code: 'en', name: 'English', dictionary: 'ui/en.json', fonts: ['latin'] }],
  fonts: { latin: { family: 'Site Sans', unicodeRange: 'U+0000-00FF', files: { '400': 'x/y.woff2' } } },
};

describe('loadSiteConfig', () => {
  it('reads the project config with English and Khmer', () => {
    const config = loadSiteConfig({});
    expect(config.locales.map((l) => l.code)).toEqual(['en', 'km']);
    expect(config.locales.find((l) => l.code === 'km')!.lineHeight).toBeGreaterThanOrEqual(1.8);
    expect(config.dictionaries.km['nav.reports']).toBeTruthy();
  });

  it('takes overrides from the environment', () => {
    const config = loadSiteConfig({ SITE_URL: 'https://mirror.example.org', BASE_PATH: '/research', CONTENT_ROOT: 'tmp/corpus' });
    expect(config).toMatchObject({ url: 'https://mirror.example.org', base: '/research/', contentRoot: 'tmp/corpus' });
  });

  it('names every problem in a broken config', () => {
    const file = writeConfig({ ...minimal, defaultLocale: 'fr', locales: [{ ...minimal.locales[0], fonts: ['cyrillic'] }] });
    expect(() => loadSiteConfig({ SITE_CONFIG: file })).toThrow(/defaultLocale: "fr" is not one of the locales[\s\S]*font "cyrillic" is not defined/);
  });

  it('says which dictionary file is missing', () => {
    const file = writeConfig(minimal, {});
    expect(() => loadSiteConfig({ SITE_CONFIG: file })).toThrow(/Cannot read the UI dictionary for "en"/);
  });
});
