/**
 * A missing address answers in the reader's language, taken from the address (/km/... in Khmer), with the
 * site's header and a search box: as GitHub Pages and most hosts serve it (one /404.html for every miss,
 * the language picked by script, English without script) and as hosts with per-folder not-found pages do.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import { DIST } from '../support/site.ts';
import { sitemapPaths } from '../support/sitemap.ts';
import { serveDirectory, type StaticServer } from '../support/static-server.ts';

const ui = (lang: string) => JSON.parse(readFileSync(`src/config/ui/${lang}.json`, 'utf8')) as Record<string, string>;
const strings = { en: ui('en'), km: ui('km') };

const site = useBuiltSiteAndBrowser();
let perFolder: StaticServer;
beforeAll(async () => {
  perFolder = await serveDirectory(DIST, { notFound: 'per-folder' });
});
afterAll(async () => {
  await perFolder?.close();
});

/** What the reader sees on a not-found page: its language, heading, header and search box. */
async function looksLike(page: Page, lang: 'en' | 'km') {
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  expect((await page.locator('h1').allTextContents()).map((h) => h.trim())).toEqual([strings[lang]['notFound.title']]);
  expect(await page.title()).toContain(strings[lang]['notFound.title']);
  expect(await page.locator('header.site-header').isVisible()).toBe(true);
  expect(await page.locator('header .site-nav a').count()).toBeGreaterThan(3);
  const search = page.locator('main form[role="search"]');
  expect(await search.getAttribute('action')).toBe(`/${lang}/search/`);
  expect(await search.locator('input[name="q"]').isVisible()).toBe(true);
  expect(await search.locator('label').textContent()).toBe(strings[lang]['search.label']);
  // One page, not two: no second header, main or id.
  expect(await page.locator('main').count()).toBe(1);
  expect(await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id).filter((id, i, all) => all.indexOf(id) !== i))).toEqual([]);
}

describe('a missing page', () => {
  it.each([
    ['/km/no-such-page/', 'km'],
    ['/km/reports/no-such-report/', 'km'],
    ['/en/no-such-page/', 'en'],
    ['/no-such-page/', 'en'],
  ] as const)('%s answers 404 in %s, with the header and a search box', async (path, lang) => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    const response = await page.goto(site.server.url + path);
    expect(response?.status()).toBe(404);
    await looksLike(page, lang);
    expect(new URL(page.url()).pathname).toBe(path);
    await page.close();
  });

  it('searches in the language of the address, and the language switch leads to the other home page', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url + '/km/no-such-page/');
    expect(await page.getAttribute('a[data-lang-switch="en"]', 'href')).toBe('/en/');
    await page.fill('main input[name="q"]', 'សុខភាព');
    await page.press('main input[name="q"]', 'Enter');
    await page.waitForURL((url) => url.pathname === '/km/search/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('សុខភាព');
    await page.close();
  });

  it('without script, the one /404.html every host can serve is in English, and still complete', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(site.server.url + '/km/no-such-page/');
    expect(response?.status()).toBe(404);
    await looksLike(page, 'en');
    await context.close();
  });

  it.each([
    ['/km/no-such-page/', 'km'],
    ['/km/briefs/no-such-brief/', 'km'],
    ['/en/no-such-page/', 'en'],
  ] as const)('on a host with per-folder not-found pages, %s is in %s even without script', async (path, lang) => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(perFolder.url + path);
    expect(response?.status()).toBe(404);
    await looksLike(page, lang);
    await context.close();
  });

  it('the not-found pages stay out of the sitemap and the search index', () => {
    expect(sitemapPaths().filter((p) => p.includes('404'))).toEqual([]);
    for (const file of ['404.html', 'en/404/index.html', 'km/404/index.html']) {
      expect(readFileSync(`${DIST}/${file}`, 'utf8'), file).not.toContain('data-pagefind-body');
    }
  });

  it('passes axe (WCAG 2.2 A and AA) in both languages, at phone and desktop widths', async () => {
    const found: string[] = [];
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const context = await site.browser.newContext({ viewport });
      const page = await context.newPage();
      for (const path of ['/km/no-such-page/', '/en/no-such-page/']) {
        await page.goto(site.server.url + path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
        for (const v of results.violations) found.push(`${path} at ${viewport.width}px: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
