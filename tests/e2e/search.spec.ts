/**
 * Search in a real browser: both languages, Khmer words from inside sentences, ranking by where the words
 * stand, typo correction, Khmer spelling variants, cross-language terms, bad queries, filters, keyboard,
 * no-script.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import type { Page } from 'playwright-core';

const site = useBuiltSiteAndBrowser();

async function search(page: Page, lang: string, query: string) {
  await page.goto(`${site.server.url}/${lang}/search/`);
  await page.fill('[data-search-input]', query);
  await page.waitForFunction(() => /\d|[០-៩]/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 });
  // Results show before their excerpts (and a page's section links) arrive; wait for those too.
  await page.waitForFunction(() => !document.querySelector('.search-result [data-pending]'), null, { timeout: 15_000 });
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

  it('puts a title match before pages that only use the words more often', async () => {
    const page = await site.browser.newPage();
    // The reports and briefs use "migrant", "household" and "income" far more often; the chart is titled with them.
    expect((await search(page, 'en', 'migrant household income'))[0]).toBe('/en/findings/miccaf-household-income/');
    // Khmer chart pages are found by their own title words, typed as one run.
    expect((await search(page, 'km', 'ប្រាក់ចំណូលគ្រួសារ'))[0]).toBe('/km/findings/miccaf-household-income/');
    // លើសទម្ងន់ (overweight): the chart says ទម្ងន់លើស, the MICCAF report's heading ការលើសទម្ងន់.
    expect((await search(page, 'km', 'លើសទម្ងន់')).slice(0, 2)).toEqual(['/km/findings/miccaf-caregiver-overweight/', '/km/reports/miccaf/']);
    await page.close();
  });

  it('shows a record whose title matches as its own result, first', async () => {
    const page = await site.browser.newPage();
    const urls = await search(page, 'en', 'school feeding');
    expect(urls[0]).toBe('/en/recommendations/#rec-miccaf-01');
    expect(await page.locator('.search-result__title a').first().getAttribute('href')).toBe('/en/recommendations/#rec-miccaf-01');
    await page.close();
  });

  it('among pages titled with the words, puts the one that uses them most first', async () => {
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

  it('lists recommendations that merely mention the words under their page, the rest behind a disclosure, and each on its own once filtered', async () => {
    const page = await site.browser.newPage();
    // "nutrition status" is in the research question of several MICCAF recommendations, and in none of their texts (titles).
    await search(page, 'en', 'nutrition status');
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

  it.each(['en', 'km'])('on a 390 × 844 phone the filters are folded and the first result is on the first screen; on a wide screen they are open (%s)', async (lang) => {
    const phone = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await search(phone, lang, 'income');
    expect(await phone.locator('[data-search-filters] details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await phone.locator('[data-search-filters] input[type="checkbox"]').first().isVisible()).toBe(false);
    expect(await phone.locator('.search-result').first().evaluate((r) => r.getBoundingClientRect().top)).toBeLessThan(844 - 100);
    // Opened from the keyboard, its boxes show; the heading counts the ones ticked, so a folded list still says so.
    await phone.locator('[data-search-filters] summary').focus();
    await phone.keyboard.press('Enter');
    expect(await phone.locator('[data-search-filters] input[type="checkbox"]').first().isVisible()).toBe(true);
    await phone.locator('[data-search-filters] input[type="checkbox"]').first().check();
    expect(await phone.locator('#search-filters-title').textContent()).toMatch(/\((1|១)\)$/);
    await phone.close();
    const wide = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await search(wide, lang, 'income');
    expect(await wide.locator('[data-search-filters] details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await wide.close();
  });

  it('keeps records titled with the words out of their list: a record is either its own result or in the list, never both', async () => {
    const page = await site.browser.newPage();
    await search(page, 'en', 'social protection');
    const titles = await page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const own = titles.filter((href) => href.startsWith('/en/recommendations/#rec-'));
    expect(own.length).toBeGreaterThan(0);
    const listed = await page.locator('.search-result__subs a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(own.filter((href) => listed.includes(href))).toEqual([]);
    // Each record shown on its own holds both words in its text (its title), as its own page row says.
    const recs = await page.evaluate(async (hrefs) => {
      const html = await (await fetch('/en/recommendations/')).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return hrefs.map((h) => doc.getElementById(h.split('#')[1])?.querySelector('.rec-text')?.textContent?.toLowerCase() ?? '');
    }, own);
    expect(recs.every((text) => /social/.test(text) && /protect/.test(text))).toBe(true);
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

  it('corrects a misspelt word, says so in both languages, and links back to the exact query', async () => {
    const page = await site.browser.newPage();
    const urls = await search(page, 'en', 'guardianshp');
    expect(urls[0]).toBe('/en/recommendations/#rec-unicef-11');
    const note = page.locator('[data-search-note]');
    expect(await note.textContent()).toContain('Showing results for guardianship.');
    const back = note.locator('a', { hasText: 'guardianshp' });
    expect(await back.getAttribute('href')).toBe('?q=guardianshp&exact=');
    await back.click();
    await page.waitForURL(/exact=/);
    await page.waitForFunction(() => /\d|No results/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 });
    expect(await note.isHidden()).toBe(true);
    expect(await page.inputValue('[data-search-input]')).toBe('guardianshp');
    // On the Khmer site too, for an English word, with the message in Khmer.
    const km = await search(page, 'km', 'UNICFE');
    expect(km[0]).toBe('/km/reports/unicef-children-left-behind/');
    expect(await note.textContent()).toContain('កំពុងបង្ហាញលទ្ធផលសម្រាប់ unicef។');
    expect(await note.textContent()).toContain('ស្វែងរក UNICFE តាមដែលអ្នកបានវាយវិញ');
    // Short words (under five letters) and words the index holds are never corrected.
    await search(page, 'en', 'budget');
    expect(await note.isHidden()).toBe(true);
    await page.close();
  });

  it('folds Khmer spelling variants: អោយ and ឲ្យ as ឱ្យ, coeng da as coeng ta, the glossary’s variants as its terms', async () => {
    const page = await site.browser.newPage();
    const written = await search(page, 'km', 'ធ្វើឱ្យកុមារងាយស្រួលទទួលបានសេវាសុខភាព');
    expect(written[0]).toBe('/km/recommendations/#rec-miccaf-02');
    expect(await search(page, 'km', 'ធ្វើអោយកុមារងាយស្រួលទទួលបានសេវាសុខភាព')).toEqual(written);
    expect(await search(page, 'km', 'ធ្វើឲ្យកុមារងាយស្រួលទទួលបានសេវាសុខភាព')).toEqual(written);
    expect(await search(page, 'km', 'វគ្គបណ្ដុះបណ្ដាលវិជ្ជាជីវៈ')).toEqual(await search(page, 'km', 'វគ្គបណ្តុះបណ្តាលវិជ្ជាជីវៈ'));
    // អ្នកមើលថែ is the glossary's variant of អ្នកថែទាំ (caregiver); ប្រាក់ផ្ញើ of ប្រាក់បញ្ញើ (remittances).
    expect(await search(page, 'km', 'អ្នកមើលថែលើសទម្ងន់')).toEqual(await search(page, 'km', 'អ្នកថែទាំលើសទម្ងន់'));
    expect((await search(page, 'km', 'ប្រាក់ផ្ញើ'))[0]).toBe('/km/reports/remittances-health-education/');
    await page.close();
  });

  it('finds pages by a glossary term typed in the other language, and links to the same search there', async () => {
    const page = await site.browser.newPage();
    // On the Khmer site, the English "Family Package" finds the pages that say កញ្ចប់គ្រួសារ.
    await search(page, 'km', 'Family Package');
    const km = await page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(km.slice(0, 2).sort()).toEqual(['/km/briefs/cambodia-family-package/', '/km/reports/cambodia-family-package/']);
    const note = page.locator('[data-search-note]');
    expect(await note.textContent()).toContain('កញ្ចប់គ្រួសារ');
    expect(await note.locator('a').getAttribute('href')).toBe('/en/search/?q=Family+Package');
    // On the English site, the Khmer ប្រាក់បញ្ញើ finds the pages that say "remittances".
    const en = await search(page, 'en', 'ប្រាក់បញ្ញើ');
    expect(en[0]).toBe('/en/reports/remittances-health-education/');
    expect(await note.textContent()).toContain('Including results for remittances, the English term.');
    expect(await note.locator('a').getAttribute('href')).toBe(`/km/search/?q=${encodeURIComponent('ប្រាក់បញ្ញើ')}`);
    await page.close();
  });

  it('shows results (type, title, link, the records under a list) before their excerpts arrive, then fills them in', async () => {
    const page = await site.browser.newPage();
    // Excerpts come from Pagefind's fragments: hold those back, as a slow line would.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/fragment/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.server.url}/en/search/`);
    await page.fill('[data-search-input]', 'caregiver depression');
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 });
    const titles = await page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(titles).toContain('/en/findings/miccaf-caregiver-mental-health/');
    expect(await page.locator('.search-result__subs a[href^="/en/recommendations/#rec-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.search-result__excerpt[data-pending]').count()).toBe(titles.length);
    release();
    await page.waitForFunction(() => !document.querySelector('.search-result__excerpt[data-pending]'), null, { timeout: 15_000 });
    expect(await page.locator('.search-result__excerpt mark').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('answers bad queries with a message, without an error or a freeze', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const cases: [string, string, RegExp][] = [
      ['en', '', /Type a word or two/],
      ['en', '?!… —', /Nothing to search for/],
      ['km', '។៕!', /គ្មានអ្វីត្រូវស្វែងរកទេ/],
      ['km', '\u17B6', /គ្មានអ្វីត្រូវស្វែងរកទេ/], // a lone vowel sign (aa)
      ['km', '\u17D2', /គ្មានអ្វីត្រូវស្វែងរកទេ/], // a lone coeng
      ['en', '\uD800', /Nothing to search for/], // an unpaired surrogate alone
      ['en', 'children \uDC00left', /\d+ results/], // and inside words
    ];
    for (const [lang, query, message] of cases) {
      await page.goto(`${site.server.url}/${lang}/search/`);
      await page.focus('[data-search-input]');
      await page.evaluate((q) => {
        const input = document.querySelector('[data-search-input]') as HTMLInputElement;
        input.value = q;
        input.form!.requestSubmit();
      }, query);
      await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-search-status]')?.textContent ?? ''), message.source, { timeout: 15_000 });
    }
    // 500 characters: the first 200 are searched, and the page says so; the page still answers at once.
    await page.goto(`${site.server.url}/km/search/`);
    await page.fill('[data-search-input]', 'ប្រាក់បញ្ញើ '.repeat(50));
    await page.waitForFunction(() => /200/.test(document.querySelector('[data-search-note]')?.textContent ?? ''), null, { timeout: 15_000 });
    const started = Date.now();
    await page.evaluate(() => 1);
    expect(Date.now() - started).toBeLessThan(2_000);
    await page.fill('[data-search-input]', 'a'.repeat(500));
    await page.waitForFunction(() => /ទេ|\d|[០-៩]/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds every chart in both languages by its title, by each measure it draws, and by each group', { timeout: 300_000 }, async () => {
    const csv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const page = await site.browser.newPage();
    const misses: string[] = [];
    for (const lang of ['en', 'km']) {
      // What each chart draws, in this language: its title, and the labels of its measures and groups from its dataset.
      const queries = csv('data/charts.csv').flatMap((chart) => {
        const rows = csv(`data/findings/${chart.dataset}.csv`).filter((r) => chart.measures.split(';').includes(r.measure));
        const label = (field: string, keys: string) => [...new Set(rows.filter((r) => keys.split(';').includes(r[field])).map((r) => r[`${field}_${lang}`]))];
        const url = `/${lang}/findings/${chart.id}/`;
        return [
          { q: chart[`title_${lang}`], url, within: 3 },
          ...label('measure', chart.measures).map((q) => ({ q, url, within: 10 })),
          ...label('group', chart.groups).map((q) => ({ q, url, within: 1000 })),
        ];
      });
      await page.goto(`${site.server.url}/${lang}/search/`);
      const found = await page.evaluate(async (queries) => {
        const search = document.querySelector('site-search') as HTMLElement & { query(q: string, limit?: number): Promise<{ url: string }[]> };
        const ranks: number[] = [];
        for (const { q, url, within } of queries) ranks.push((await search.query(q, within)).findIndex((r) => r.url === url));
        return ranks;
      }, queries);
      queries.forEach((query, i) => found[i] < 0 && misses.push(`${lang}: "${query.q}" does not find ${query.url} within ${query.within}`));
    }
    expect(misses).toEqual([]);
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
    // The header's search link is reached by Tab; the search page opens with its box focused.
    let onLink = false;
    for (let i = 0; i < 10 && !onLink; i++) {
      await page.keyboard.press('Tab');
      onLink = await page.evaluate(() => document.activeElement?.classList.contains('header-search-link') ?? false);
    }
    expect(onLink).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/en\/search\/$/);
    await page.waitForFunction(() => document.activeElement?.matches('[data-search-input]'));
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

  it('focuses the box on arrival without a query, and leaves the results in view with one', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.server.url}/km/search/`);
    await page.waitForFunction(() => document.activeElement?.matches('[data-search-input]'));
    await page.goto(`${site.server.url}/km/search/?q=${encodeURIComponent('គ្រួសារ')}`);
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, { timeout: 15_000 });
    expect(await page.evaluate(() => document.activeElement?.matches('[data-search-input]'))).toBe(false);
    await page.close();
  });

  it('loads no search script or index until the reader starts to search', async () => {
    const page = await site.browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${site.server.url}/km/search/`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    // The box has focus on arrival; nothing loads until the reader types.
    expect(await page.evaluate(() => document.activeElement?.matches('[data-search-input]'))).toBe(true);
    await page.keyboard.type('ក');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/pagefind.js')));
    await page.close();
  });
});
