/**
 * In a real browser: the language switch leads to the same page in the other language, and where the
 * page keeps the reader's place in its address (filters, a search, a recommendation row) it keeps it too.
 */
import { readFileSync } from 'node:fs';
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

  describe('keeps the reader\'s place', () => {
    const switchTo = async (target: string) => {
      await page.click(`a[data-lang-switch="${target}"]`);
      await page.waitForURL((url) => url.pathname.startsWith(`/${target}/`));
      const url = new URL(page.url());
      return { path: url.pathname, search: url.search, hash: url.hash };
    };

    it.each([
      ['en', 'km'],
      ['km', 'en'],
    ])('on the recommendations page (%s to %s): the theme filter and the row', async (from, to) => {
      await page.goto(`${site.server.url}/${from}/recommendations/?theme=mental-health#rec-miccaf-07`);
      const { path, search, hash } = await switchTo(to);
      expect(path).toBe(`/${to}/recommendations/`);
      expect(new URLSearchParams(search).getAll('theme')).toEqual(['mental-health']);
      expect(hash).toBe('#rec-miccaf-07');
      expect(await page.getAttribute('html', 'lang')).toBe(to);
      // The target page reads the filter from its address.
      expect(await page.isChecked('input[name="theme"][value="mental-health"]')).toBe(true);
    });

    it('after a filter changed the address in place (history.replaceState)', async () => {
      await page.goto(`${site.server.url}/en/recommendations/`);
      // Clicked from script: the filter form's layout is not what this test is about.
      await page.$eval('input[name="theme"][value="education"]', (box) => (box as HTMLInputElement).click());
      await page.waitForURL((url) => url.searchParams.getAll('theme').includes('education'));
      const { search } = await switchTo('km');
      expect(new URLSearchParams(search).getAll('theme')).toContain('education');
    });

    it.each([
      ['en', 'km', 'children'],
      ['km', 'en', 'សុខភាព'],
    ])('on the search page (%s to %s): the query %s', async (from, to, q) => {
      await page.goto(`${site.server.url}/${from}/search/?q=${encodeURIComponent(q)}`);
      const { path, search } = await switchTo(to);
      expect(path).toBe(`/${to}/search/`);
      expect(new URLSearchParams(search).get('q')).toBe(q);
      // The search script loads on arrival with ?q= and fills the box; wait for it rather than read at once.
      await expect.poll(() => page.inputValue('[data-search-input]'), { timeout: 10_000 }).toBe(q);
    });

    it('a search typed on the page, not only one it was opened with', async () => {
      await page.goto(`${site.server.url}/en/search/`);
      await page.fill('[data-search-input]', 'remittances');
      await page.waitForURL((url) => url.searchParams.get('q') === 'remittances', { timeout: 15_000 });
      const { search } = await switchTo('km');
      expect(new URLSearchParams(search).get('q')).toBe('remittances');
    });

    it.each([
      ['/en/recommendations/#key-findings', 'km'],
      ['/km/recommendations/#%E1%9E%9F%E1%9F%81%E1%9E%85%E1%9E%80%E1%9F%92%E1%9E%8F%E1%9E%B8', 'en'],
      ['/en/recommendations/#rec-miccaf-99', 'km'],
    ])('not a fragment the other page may lack: %s', async (from, to) => {
      await page.goto(site.server.url + from);
      const { hash } = await switchTo(to);
      expect(hash).toBe('');
    });

    it('not the id of a heading, which the other language spells differently', async () => {
      await page.goto(`${site.server.url}/en/search/?q=health`);
      // A heading of the English page only, as a translated page would have.
      await page.evaluate(() => {
        const heading = document.createElement('h2');
        heading.id = 'what-the-evidence-says';
        heading.textContent = 'What the evidence says';
        document.querySelector('main')!.append(heading);
        location.hash = 'what-the-evidence-says';
      });
      const { search, hash } = await switchTo('km');
      expect(new URLSearchParams(search).get('q')).toBe('health');
      expect(hash).toBe('');
    });

    it.each([
      ['en', 'km'],
      ['km', 'en'],
    ])('on a report (%s to %s): a chart, by the id both languages share', async (from, to) => {
      await page.goto(`${site.server.url}/${from}/reports/miccaf/#chart-miccaf-household-income`);
      const { path, hash } = await switchTo(to);
      expect(path).toBe(`/${to}/reports/miccaf/`);
      expect(hash).toBe('#chart-miccaf-household-income');
    });

    it.each([
      ['en', 'km'],
      ['km', 'en'],
    ])('on a report (%s to %s): a heading, by its place in the shared outline', async (from, to) => {
      const headingIds = async (lang: string) => {
        await page.goto(`${site.server.url}/${lang}/reports/miccaf/`);
        return page.$$eval('.prose :is(h2,h3)[id]', (hs) => hs.map((h) => h.id));
      };
      const targetIds = await headingIds(to);
      const fromIds = await headingIds(from);
      // The test means something only if both outlines line up and the heading is not the first.
      expect(fromIds.length).toBe(targetIds.length);
      const n = 4;
      await page.goto(`${site.server.url}/${from}/reports/miccaf/#${encodeURIComponent(fromIds[n])}`);
      await switchTo(to);
      // The target page turns #section-4 into its own fourth-index heading's id, and scrolls to it.
      await page.waitForFunction((id) => decodeURIComponent(location.hash.slice(1)) === id, targetIds[n]);
      const top = await page.$eval(`[id="${targetIds[n]}"]`, (h) => h.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(200);
    });

    it('not a heading where the two outlines differ: the switch opens the top of the page', async () => {
      await page.goto(`${site.server.url}/en/reports/miccaf/`);
      // As a translation with a section more or less would be: the build leaves data-outline off.
      await page.evaluate(() => {
        for (const a of document.querySelectorAll('a[data-lang-switch]')) a.removeAttribute('data-outline');
        location.hash = document.querySelectorAll('.prose h2[id]')[1].id;
      });
      const { hash } = await switchTo('km');
      expect(hash).toBe('');
    });

    it('without script, still switches to the bare page', async () => {
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      const noJs = await context.newPage();
      await noJs.goto(`${site.server.url}/en/recommendations/?theme=health#rec-miccaf-07`);
      await noJs.click('a[data-lang-switch="km"]');
      await noJs.waitForURL((url) => url.pathname === '/km/recommendations/');
      expect(await noJs.getAttribute('html', 'lang')).toBe('km');
      await context.close();
    });
  });
});

describe('the note on a machine-translated page', () => {
  const km = JSON.parse(readFileSync('src/config/ui/km.json', 'utf8')) as Record<string, string>;

  it('is one quiet line or two under the title on a phone, and links to the English original', async () => {
    const phone = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(site.server.url + '/km/reports/miccaf/');
    const note = phone.locator('[data-machine-notice]');
    expect(await note.count()).toBe(1);
    const { height, lineHeight, afterTitle } = await note.evaluate((el) => {
      const style = getComputedStyle(el);
      const lh = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
      const h1 = document.querySelector('main h1')!;
      return { height: el.getBoundingClientRect().height, lineHeight: lh, afterTitle: !!(h1.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) };
    });
    expect(height).toBeLessThanOrEqual(2.2 * lineHeight);
    expect(afterTitle).toBe(true);
    const link = note.locator('a');
    expect(await link.getAttribute('href')).toBe('/en/reports/miccaf/');
    expect(await link.getAttribute('hreflang')).toBe('en');
    expect(await link.textContent()).toBe(km['notice.readOriginal']);
    await phone.close();
  });

  it('is in no Khmer search record or snippet', async () => {
    const searchPage = await site.browser.newPage();
    await searchPage.goto(site.server.url + '/km/search/');
    // Pagefind's own API over every record of the Khmer index (a string, so the test runner leaves import() alone).
    const records = (await searchPage.evaluate(`(async () => {
      const bundle = document.querySelector('[data-bundle]').getAttribute('data-bundle');
      const pagefind = await import(bundle + 'pagefind.js');
      await pagefind.options({ baseUrl: '/' });
      const out = [];
      for (const type of Object.keys((await pagefind.filters()).type ?? {})) {
        for (const hit of (await pagefind.search(null, { filters: { type } })).results) {
          const data = await hit.data();
          out.push({ url: data.url, text: [data.content, data.excerpt, ...data.sub_results.map((s) => s.excerpt)].join(' ') });
        }
      }
      return out;
    })()`)) as { url: string; text: string }[];
    // The report pages carry the note, so they must be among the records looked at.
    expect(records.some((r) => r.url.startsWith('/km/reports/'))).toBe(true);
    const squeeze = (text: string) => text.replace(/[\s\u200b\u2060]|<[^>]+>/g, '');
    const note = squeeze(km['notice.readOriginal']);
    expect(records.filter((r) => squeeze(r.text).includes(note)).map((r) => r.url)).toEqual([]);
    await searchPage.close();
  });
});
