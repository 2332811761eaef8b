/** Filtering recommendations in a real browser, in both languages, with and without JavaScript. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';

const recs = Papa.parse<Record<string, string>>(readFileSync('data/recommendations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const idsWith = (test: (r: Record<string, string>) => boolean) => recs.filter(test).map((r) => r.id).sort();
const has = (list: string, value: string) => list.split(';').map((s) => s.trim()).includes(value);

const site = useBuiltSiteAndBrowser();

async function visibleIds(page: import('playwright-core').Page) {
  return (await page.locator('tr[data-facet-item]:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')!))).sort();
}

describe.each(['en', 'km'])('recommendations in %s', (lang) => {
  it('choosing two themes shows exactly the rows with either theme, and the URL records it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/`);
    expect(await visibleIds(page)).toHaveLength(recs.length);
    await page.check('input[name="theme"][value="mental-health"]');
    await page.check('input[name="theme"][value="social-protection"]');
    const expected = idsWith((r) => has(r.themes, 'mental-health') || has(r.themes, 'social-protection'));
    expect(await visibleIds(page)).toEqual(expected);
    expect(new URL(page.url()).searchParams.getAll('theme').sort()).toEqual(['mental-health', 'social-protection']);
    // The count is in a live region, so screen readers hear it.
    const status = page.locator('[data-facet-count][role="status"]');
    expect(await status.textContent()).toContain(String(expected.length));
    await page.close();
  });

  it('different facets narrow the list (AND), and a shared URL restores the filter', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/?theme=mental-health&theme=social-protection&country=cambodia`);
    const expected = idsWith((r) => (has(r.themes, 'mental-health') || has(r.themes, 'social-protection')) && r.scope === 'cambodia');
    expect(expected.length).toBeGreaterThan(0);
    expect(await visibleIds(page)).toEqual(expected);
    expect(await page.isChecked('input[name="country"][value="cambodia"]')).toBe(true);
    await page.close();
  });

  it('downloads exactly the rows shown as CSV', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/?source=unicef`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-facet-download]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.id).sort()).toEqual(idsWith((r) => r.source === 'unicef'));
    await page.close();
  });

  it('a theme page lists exactly that theme\'s rows without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/theme/mental-health/`);
    const ids = (await page.locator('tr[data-facet-item]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')!))).sort();
    expect(ids).toEqual(idsWith((r) => has(r.themes, 'mental-health')));
    // The filter form needs script, so it stays hidden; the theme links work instead.
    expect(await page.locator('[data-facet-form]').count()).toBe(0);
    await page.click(`nav.theme-nav a[href="/${lang}/recommendations/theme/education/"]`);
    expect(await page.locator('tr[data-facet-item]').count()).toBe(idsWith((r) => has(r.themes, 'education')).length);
    await context.close();
  });

  it('each recommendation has a permalink, and links to the evidence behind it', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${lang}/recommendations/#rec-miccaf-01`);
    const row = page.locator('#rec-miccaf-01');
    expect(await row.locator('a.rec-permalink').getAttribute('href')).toBe(`/${lang}/recommendations/#rec-miccaf-01`);
    const evidence = await row.locator('.rec-evidence a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(evidence.length).toBeGreaterThan(0);
    for (const href of evidence) {
      const response = await page.request.get(site.server.url + href);
      expect(response.status(), href!).toBe(200);
    }
    await context.close();
  });
});

describe('practices', () => {
  it('filter by country and tag, in Khmer, with country names from Intl', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/km/practices/?country=moldova`);
    const practices = Papa.parse<Record<string, string>>(readFileSync('data/practices.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    const expected = practices.filter((p) => p.countries.split(';').includes('moldova')).map((p) => p.id).sort();
    expect(await visibleIds(page)).toEqual(expected);
    expect(await page.locator('label:has(input[value="moldova"])').textContent()).toContain('ម៉ុលដាវី');
    await page.close();
  });
});
