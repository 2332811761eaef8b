/** Checks on the built files: every page has its twin in the other language, the right <html lang> and hreflang links. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, readPage } from '../support/dist-pages.ts';
import { DIST } from '../support/site.ts';

const pages = builtPages();
const en = pages.filter((p) => p.startsWith('/en/'));
const km = pages.filter((p) => p.startsWith('/km/'));

describe('built site', () => {
  it('has pages in both languages, and a chooser and a 404 page', () => {
    expect(en.length).toBeGreaterThan(10);
    expect(pages).toContain('/');
    expect(existsSync(path.join(DIST, '404.html'))).toBe(true);
  });

  it('gives every English page a Khmer twin at the same path, and the reverse', () => {
    expect(km.map((p) => p.replace(/^\/km\//, '/en/'))).toEqual(en);
  });

  it('has a report page and a brief page for each of the five source documents', () => {
    for (const slug of ['miccaf', 'khatlon', 'unicef-children-left-behind', 'remittances-health-education', 'cambodia-family-package']) {
      expect(pages).toContain(`/en/reports/${slug}/`);
      expect(pages).toContain(`/km/reports/${slug}/`);
    }
    expect(en.filter((p) => /^\/en\/briefs\/[^/]+\/$/.test(p))).toHaveLength(5);
  });

  it.each([...en, ...km])('%s declares its language and links to its twin', (page) => {
    const html = readPage(page);
    const lang = page.split('/')[1];
    const twin = lang === 'en' ? page.replace('/en/', '/km/') : page.replace('/km/', '/en/');
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
    expect(html).toMatch(new RegExp(`<link rel="alternate" hreflang="${lang === 'en' ? 'km' : 'en'}" href="[^"]*${twin}"`));
    expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+"/);
  });

  it('does not show the fallback notice on a translated page', () => {
    const html = readPage('/km/briefs/cambodia-family-package/');
    expect(html).not.toContain('data-fallback-notice');
    expect(html).toContain('data-machine-notice');
  });
});
