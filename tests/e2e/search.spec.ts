/** Search in a real browser: both languages, Khmer words from inside sentences, filters, keyboard, no-script. */
import { describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import type { Page } from 'playwright-core';

const site = useBuiltSiteAndBrowser();

async function search(page: Page, lang: string, query: string) {
  await page.goto(`${site.server.url}/${lang}/search/`);
  await page.fill('[data-search-input]', query);
  await page.waitForFunction(() => /\d|[០-៩]/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 });
  return page.locator('.search-result a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
}

describe('search', () => {
  it('finds the report section, the chart and the recommendations for "caregiver depression"', async () => {
    const page = await site.browser.newPage();
    const urls = await search(page, 'en', 'caregiver depression');
    expect(urls).toContain('/en/findings/miccaf-caregiver-mental-health/');
    expect(urls.some((u) => u.startsWith('/en/recommendations/#rec-miccaf-'))).toBe(true);
    expect(urls.some((u) => u.startsWith('/en/reports/miccaf/'))).toBe(true);
    await page.close();
  });

  it('finds Khmer pages for the Khmer words for mental health, typed without spaces', async () => {
    const page = await site.browser.newPage();
    const urls = await search(page, 'km', 'សុខភាពផ្លូវចិត្ត');
    expect(urls.some((u) => u.startsWith('/km/recommendations/#rec-'))).toBe(true);
    expect(urls.every((u) => u.startsWith('/km/'))).toBe(true);
    await page.close();
  });

  it('finds a word from the middle of a Khmer sentence, and shows the excerpt without inserted spaces', async () => {
    const page = await site.browser.newPage();
    // លែងលះ (divorce) never starts a run of text in the chart title "ការលែងលះក្នុងចំណោមឪពុកម្តាយ…".
    const urls = await search(page, 'km', 'លែងលះ');
    expect(urls).toContain('/km/findings/miccaf-parental-divorce/');
    const excerpt = await page.locator('.search-result__excerpt').first().innerHTML();
    expect(excerpt).toContain('<mark>លែងលះ</mark>');
    expect(excerpt).not.toMatch(/[\u1780-\u17FF] <mark>លែងលះ/);
    expect(excerpt).not.toContain('\u2060');
    await page.close();
  });

  it('matches Khmer vowel signs exactly: a search for មាន (have) marks no មិន (not) or មុន (before)', async () => {
    const page = await site.browser.newPage();
    await search(page, 'km', 'មាន');
    const marked = await page.locator('.search-result__excerpt mark').allTextContents();
    expect(marked.length).toBeGreaterThan(3);
    expect(marked.filter((m) => !m.startsWith('មាន'))).toEqual([]);
    await page.close();
  });

  it('puts the pages that use the words most first', async () => {
    const page = await site.browser.newPage();
    const en = await search(page, 'en', 'Khatlon');
    expect(en[0]).toBe('/en/reports/khatlon/');
    // ប្រាក់បញ្ញើ (remittances): 30 times in the remittances report, at most 20 on any other page.
    const km = await search(page, 'km', 'ប្រាក់បញ្ញើ');
    expect(km[0]).toBe('/km/reports/remittances-health-education/');
    await page.close();
  });

  it('shows ten results at a time, and the next ten on request, moving focus to the first new one', async () => {
    const page = await site.browser.newPage();
    await search(page, 'en', 'children');
    const status = await page.locator('[data-search-status]').textContent();
    const total = Number(/(\d+) results/.exec(status ?? '')?.[1]);
    expect(total).toBeGreaterThan(20);
    expect(await page.locator('.search-result').count()).toBe(10);
    await page.locator('[data-search-more]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 20);
    expect(await page.evaluate(() => document.activeElement === document.querySelectorAll('.search-result')[10].querySelector('a'))).toBe(true);
    await page.close();
  });

  it('lists matching recommendations under their page, the rest behind a disclosure, and on their own once filtered', async () => {
    const page = await site.browser.newPage();
    await search(page, 'en', 'social protection');
    const group = page.locator('.search-result', { has: page.locator('.search-result__title a[href="/en/recommendations/"]') });
    expect(await group.count()).toBe(1);
    const shown = await group.locator('.search-result__subs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(shown).toHaveLength(3);
    expect(shown.every((href) => href?.startsWith('/en/recommendations/#rec-'))).toBe(true);
    // No record of the page takes a place of its own beside the group.
    const titles = await page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(titles.filter((href) => href?.startsWith('/en/recommendations/#'))).toEqual([]);
    // The rest open from the keyboard, and load then.
    await group.locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.search-result__more-parts[open] a').length > 0, null, { timeout: 10_000 });
    const more = await group.locator('.search-result__more-parts a').count();
    expect(Number(/\d+/.exec((await group.locator('summary').textContent()) ?? '')?.[0])).toBe(more);
    // Filtered to recommendations, each is a result of its own again.
    await page.check('[data-search-filters] input[name="type"][value="Recommendation"]');
    await page.waitForFunction(() => [...document.querySelectorAll('.search-result__title a')].every((a) => a.getAttribute('href')?.includes('#rec-')), null, { timeout: 10_000 });
    await page.close();
  });

  it('narrows the results with a type filter', async () => {
    const page = await site.browser.newPage();
    await search(page, 'en', 'remittances');
    const before = new Set(await page.locator('.search-result__type').allTextContents());
    expect(before.size).toBeGreaterThan(1);
    await page.check('[data-search-filters] input[name="type"][value="Recommendation"]');
    // Results re-render after the filter applies; every one left is a recommendation.
    await page.waitForFunction(() => {
      const types = [...document.querySelectorAll('.search-result__type')].map((t) => t.textContent);
      return types.length > 0 && types.every((t) => t === 'Recommendation');
    }, null, { timeout: 10_000 });
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/\d+ results?/);
    await page.close();
  });

  it('waits for a Khmer input method to finish composing before searching', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/km/search/`);
    const input = page.locator('[data-search-input]');
    await input.focus();
    await input.dispatchEvent('compositionstart');
    await input.evaluate((el: HTMLInputElement) => {
      el.value = 'គ្រួ';
      el.dispatchEvent(new InputEvent('input', { isComposing: true, bubbles: true }));
    });
    await page.waitForTimeout(400);
    expect(await page.locator('.search-result').count()).toBe(0);
    await input.evaluate((el: HTMLInputElement) => {
      el.value = 'គ្រួសារ';
      el.dispatchEvent(new CompositionEvent('compositionend', { data: 'គ្រួសារ', bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, { timeout: 15_000 });
    await page.close();
  });

  it('is usable with the keyboard alone, from the header of any page', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/en/briefs/`);
    await page.focus('#header-search-q');
    await page.keyboard.type('stunting');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/search\/\?q=stunting/);
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, { timeout: 15_000 });
    // Tab from the box reaches a result link.
    await page.focus('[data-search-input]');
    let onResult = false;
    for (let i = 0; i < 40 && !onResult; i++) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate(() => !!document.activeElement?.closest('.search-result'));
    }
    expect(onResult).toBe(true);
    await page.close();
  });

  it('without JavaScript, says search needs it and points to the lists', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/km/search/?q=x`);
    expect(await page.locator('[data-search-noscript]').isVisible()).toBe(true);
    const links = await page.locator('[data-search-noscript] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/km/reports/', '/km/briefs/', '/km/findings/', '/km/recommendations/']);
    await context.close();
  });

  it('loads no search script or index until the reader starts to search', async () => {
    const page = await site.browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${site.server.url}/km/search/`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await page.focus('[data-search-input]');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/pagefind.js')));
    await page.close();
  });
});
