import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPublishable, isPlaceholderHost, loadSiteConfig, placeholderSettings, publicUrlProblem } from '../../src/lib/config/site-config';

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

  it('reads the publisher, with its name defaulting to the organisation and feedback to a mailto: link', () => {
    const config = loadSiteConfig({});
    expect(config.publisher.name).toEqual(config.identity.organisation);
    expect(config.publisher.email).toMatch(/^contact@/);
    expect(config.publisher.feedback).toBe(`mailto:${config.publisher.email}`);
    const mirror = loadSiteConfig({ PUBLISHER_EMAIL: 'team@evidence.org', FEEDBACK_URL: 'https://evidence.org/feedback/' });
    expect(mirror.publisher).toMatchObject({ email: 'team@evidence.org', feedback: 'https://evidence.org/feedback/' });
  });
});

describe('the public URL', () => {
  it('accepts an absolute http(s) origin, or one ending in the base path', () => {
    expect(publicUrlProblem('https://evidence.org', '/', 'SITE_URL')).toBeUndefined();
    expect(publicUrlProblem('https://evidence.org/', '/', 'SITE_URL')).toBeUndefined();
    expect(publicUrlProblem('http://localhost:4321', '/', 'SITE_URL')).toBeUndefined();
    expect(publicUrlProblem('https://evidence.org/research', '/research/', 'SITE_URL')).toBeUndefined();
  });

  it('refuses an address without a scheme, naming the setting and what to write', () => {
    for (const value of ['example.org', 'www.example.org', '/site', 'example.org:8080', '']) {
      const problem = publicUrlProblem(value, '/', '"url" in src/config/site.json');
      expect(problem, value).toMatch(/^"url" in src\/config\/site\.json is ".*", which is not an absolute address\. Write the full public address of the site with its scheme, e\.g\. "https:\/\/research\.your-domain\.org"/);
    }
  });

  it('refuses other schemes, queries and a path that is not the base path', () => {
    expect(publicUrlProblem('ftp://evidence.org', '/', 'SITE_URL')).toMatch(/must start with https:\/\//);
    expect(publicUrlProblem('https://evidence.org/?utm=1', '/', 'SITE_URL')).toMatch(/must not contain .*a query/);
    expect(publicUrlProblem('https://evidence.org/research', '/', 'SITE_URL')).toMatch(/Write only the origin \("https:\/\/evidence\.org"\) and put the path in "base" \(or BASE_PATH\): "\/research\/"/);
  });

  it('fails loading when the file or SITE_URL gives a relative address', () => {
    const file = writeConfig({ ...minimal, url: 'example.org' });
    expect(() => loadSiteConfig({ SITE_CONFIG: file })).toThrow(/"url" in .*site\.json is "example\.org", which is not an absolute address/);
    expect(() => loadSiteConfig({ SITE_URL: '/site' })).toThrow(/SITE_URL is "\/site", which is not an absolute address/);
    expect(() => loadSiteConfig({ PUBLISHER_EMAIL: 'nobody' })).toThrow(/PUBLISHER_EMAIL is "nobody"/);
  });
});

describe('placeholders and the production build', () => {
  it('knows the reserved example host names', () => {
    for (const host of ['example.org', 'migration-families.example.org', 'example.com', 'site.example', 'x.test', 'localhost']) expect(isPlaceholderHost(host), host).toBe(true);
    for (const host of ['evidence.org', 'example-research.org', 'myexample.org', 'iom.int']) expect(isPlaceholderHost(host), host).toBe(false);
  });

  it('lists the placeholder URL and contact address of the project config, saying where each is set', () => {
    const config = loadSiteConfig({});
    const found = placeholderSettings(config, {});
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/public URL is the placeholder https:\/\/migration-families\.example\.org \("url" in src\/config\/site\.json\): set SITE_URL=/);
    expect(found[1]).toMatch(/contact address is the placeholder contact@migration-families\.example\.org \("publisher\.email" in src\/config\/site\.json\)/);
  });

  it('refuses to load for production while a placeholder is left, and accepts real addresses', () => {
    expect(() => loadSiteConfig({ SITE_ENV: 'production' })).toThrow(/A production build .* cannot use placeholders:\n  - the public URL is the placeholder/);
    expect(() => loadSiteConfig({ SITE_ENV: 'production', SITE_URL: 'https://evidence.org' })).toThrow(/contact address is the placeholder .*PUBLISHER_EMAIL/);
    const config = loadSiteConfig({ SITE_ENV: 'production', SITE_URL: 'https://evidence.org', PUBLISHER_EMAIL: 'team@evidence.org' });
    expect(config.url).toBe('https://evidence.org');
    expect(() => assertPublishable({ ...config, publisher: { ...config.publisher, feedback: 'https://forms.example.com/x' } }, {})).toThrow(/feedback link is the placeholder/);
  });

  it('asks for a contact address when a config has no publisher', () => {
    const file = writeConfig({ ...minimal, url: 'https://evidence.org' });
    expect(loadSiteConfig({ SITE_CONFIG: file }).publisher).toEqual({ name: { en: 'O' }, email: undefined, feedback: undefined });
    expect(() => loadSiteConfig({ SITE_CONFIG: file, SITE_ENV: 'production' })).toThrow(/no contact address is configured/);
  });
});
