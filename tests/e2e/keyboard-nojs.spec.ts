/** Keyboard use of the header and filters, and the main pages with JavaScript disabled. */
import { describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import type { Page } from 'playwright-core';

const site = useBuiltSiteAndBrowser();

async function tabUntil(page: Page, test: () => boolean, max = 60): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test)) return true;
  }
  return false;
}

describe('keyboard', () => {
  it('the skip link comes first and moves focus to the main content', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/km/reports/miccaf/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).top)).not.toBe('-48px');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.close();
  });

  it('reaches every header link with Tab, each with a visible focus outline', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/en/`);
    const headerLinks = await page.locator('.site-header a').count();
    const seen = new Set<string>();
    for (let i = 0; i < headerLinks + 6; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.closest('.site-header') ? { href: el.getAttribute('href') ?? el.tagName, outline: getComputedStyle(el).outlineStyle } : null;
      });
      if (info) {
        seen.add(info.href);
        expect(info.outline, info.href).not.toBe('none');
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(headerLinks);
    await page.close();
  });

  it('filters recommendations with Space on a checkbox', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/en/recommendations/`);
    const reached = await tabUntil(page, () => (document.activeElement as HTMLInputElement | null)?.name === 'theme');
    expect(reached).toBe(true);
    const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press('Space');
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('theme') === v, value);
    const shown = await page.locator('tr[data-facet-item]:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-facet-theme')));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((themes) => themes!.split(' ').includes(value))).toBe(true);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it.each(['/en/', '/km/', '/en/reports/miccaf/', '/km/reports/miccaf/', '/km/briefs/cambodia-family-package/', '/en/findings/', '/km/recommendations/theme/education/', '/en/about/'])(
    '%s reads fully and its language switch works',
    async (path) => {
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const response = await page.goto(site.server.url + path);
      expect(response?.status()).toBe(200);
      expect((await page.locator('main').innerText()).length).toBeGreaterThan(200);
      expect(await page.locator('main h1').count()).toBe(1);
      const other = path.startsWith('/en/') ? 'km' : 'en';
      await page.click(`a[data-lang-switch="${other}"]`);
      expect(new URL(page.url()).pathname).toBe(path.replace(/^\/(en|km)\//, `/${other}/`));
      await context.close();
    },
  );
});

describe('script-only controls', () => {
  it('are not shown where script does not run, and are painted from the start where it does', async () => {
    const off = await site.browser.newContext({ javaScriptEnabled: false });
    let page = await off.newPage();
    await page.goto(`${site.server.url}/en/recommendations/`);
    expect(await page.locator('[data-facet-form]').isVisible()).toBe(false);
    await page.goto(`${site.server.url}/km/search/`);
    expect(await page.locator('[data-search-noscript]').isVisible()).toBe(true);
    await off.close();
    page = await site.browser.newPage();
    await page.goto(`${site.server.url}/en/recommendations/`);
    expect(await page.locator('[data-facet-form]').isVisible()).toBe(true);
    await page.goto(`${site.server.url}/km/search/`);
    expect(await page.locator('[data-search-noscript]').isVisible()).toBe(false);
    await page.close();
  });
});
