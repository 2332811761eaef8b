/** In a real browser: the language switch leads to the same page in the other language. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import type { Page } from 'playwright-core';

const site = useBuiltSiteAndBrowser();
let page: Page;
beforeAll(async () => {
  page = await site.browser.newPage();
});

describe('language switch', () => {
  it.each([
    ['/en/reports/miccaf/', 'km', '/km/reports/miccaf/'],
    ['/km/briefs/cambodia-family-package/', 'en', '/en/briefs/cambodia-family-package/'],
    ['/en/', 'km', '/km/'],
    ['/km/reports/khatlon/', 'en', '/en/reports/khatlon/'],
  ])('on %s, choosing %s opens %s', async (from, target, expected) => {
    await page.goto(site.server.url + from);
    await page.click(`a[data-lang-switch="${target}"]`);
    await page.waitForURL(site.server.url + expected);
    expect(await page.getAttribute('html', 'lang')).toBe(target);
    expect(new URL(page.url()).pathname).toBe(expected);
  });

  it('can be reached and used with the keyboard alone', async () => {
    await page.goto(site.server.url + '/en/briefs/');
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-lang-switch') === 'km');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(site.server.url + '/km/briefs/');
    expect(await page.getAttribute('html', 'lang')).toBe('km');
  });

  it('the chooser at / links to both languages without redirecting', async () => {
    const response = await page.goto(site.server.url + '/');
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('a[hreflang="km"]').getAttribute('href')).toBe('/km/');
  });
});
