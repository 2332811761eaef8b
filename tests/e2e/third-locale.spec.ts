/**
 * Adding a language takes a config entry, a dictionary, a font and content, and no code change:
 * build a small fixture site with Tajik as a third language and look at what comes out.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIXTURE = path.resolve('tests/fixtures/third-locale');
let out: string;
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'third-locale-'));
  out = path.join(work, 'dist');
  // The site's own content, plus the fixture's Tajik pages (and a report with no Khmer twin).
  const content = path.join(work, 'content');
  cpSync('content', content, { recursive: true });
  cpSync(path.join(FIXTURE, 'content'), content, { recursive: true });
  execFileSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
    env: {
      ...process.env,
      SITE_CONFIG: path.join(FIXTURE, 'site.json'),
      CONTENT_ROOT: path.join(work, 'content'),
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: 'pipe',
  });
}, 180_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const page = (p: string) => readFileSync(path.join(out, p, 'index.html'), 'utf8');

describe('a site with a third language (Tajik)', () => {
  it('builds every page under /tg/ with <html lang="tg">', () => {
    for (const p of ['tg', 'tg/reports', 'tg/reports/sample', 'tg/briefs/sample-brief', 'tg/about']) {
      expect(page(p)).toContain('<html lang="tg"');
    }
  });

  it('links each page to its twins in all three languages', () => {
    const html = page('tg/reports/sample');
    for (const lang of ['en', 'km', 'tg']) expect(html).toMatch(new RegExp(`hreflang="${lang}" href="[^"]*/${lang}/reports/sample/"`));
  });

  it('offers Tajik in the language switch of every language', () => {
    expect(page('km/reports/sample')).toMatch(/<a href="\/tg\/reports\/sample\/" hreflang="tg" lang="tg"[^>]*>\s*Тоҷикӣ/);
  });

  it('uses the Tajik dictionary and the Tajik content', () => {
    const html = page('tg/reports/sample');
    expect(html).toContain('Ҳисоботи намунавӣ');
    expect(html).toContain('Ҳисоботҳо');
  });

  it('shows an untranslated page in English with a notice in Tajik', () => {
    const html = page('tg/briefs/sample-brief');
    expect(html).toContain('Ин саҳифа ҳоло ба забони тоҷикӣ тарҷума нашудааст');
    expect(html).toContain('Sample brief');
  });

  it('serves the Cyrillic font the config names, limited to Cyrillic characters', () => {
    expect(existsSync(path.join(out, 'fonts/noto-sans-cyrillic-400-normal.woff2'))).toBe(true);
    // Declared on every page, since the language switch writes "Тоҷикӣ" in Cyrillic everywhere.
    for (const p of ['tg/reports/sample', 'en/reports/sample']) {
      expect(page(p)).toMatch(/font-family:"Site Cyrillic";[^}]*noto-sans-cyrillic-400-normal\.woff2[^}]*unicode-range:U\+0301, U\+0400-045F/);
    }
  });
});
