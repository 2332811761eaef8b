/** axe (WCAG 2.2 A and AA rules) over every URL of the sitemap, in both languages, in Chromium. */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveBuiltSite } from '../support/site.ts';
import { sitemapPaths } from '../support/sitemap.ts';
import type { StaticServer } from '../support/static-server.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await serveBuiltSite();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const paths = sitemapPaths();

describe('accessibility (axe, WCAG 2.2 A and AA)', () => {
  it('the sitemap lists pages in both languages', () => {
    expect(paths.filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(20);
    expect(paths.filter((p) => p.startsWith('/km/')).length).toBe(paths.filter((p) => p.startsWith('/en/')).length);
  });

  it('every page has no violations', { timeout: 600_000 }, async () => {
    const found: string[] = [];
    const page = await context.newPage();
    for (const p of paths) {
      await page.goto(server.url + p);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of results.violations) {
        found.push(`${p}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
    await page.close();
    expect(found).toEqual([]);
  });

  it('a page with its filters and a slide deck in use also pass', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/km/recommendations/?theme=mental-health`);
    let results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.goto(`${server.url}/en/briefs/miccaf-key-findings/present/#slide-4`);
    await page.keyboard.press('n');
    results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.goto(`${server.url}/en/search/?q=caregiver`);
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, { timeout: 15_000 });
    results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.close();
  });
});
