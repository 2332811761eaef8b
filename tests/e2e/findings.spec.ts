/** Findings pages read correctly without JavaScript: the figure, its data table and a CSV link that downloads the plotted rows. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import Papa from 'papaparse';
import type { BrowserContext } from 'playwright-core';

const site = useBuiltSiteAndBrowser();
let context: BrowserContext;
beforeAll(async () => {
  context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
});

describe.each(['en', 'km'])('findings in %s, without JavaScript', (lang) => {
  it('the index lists charts by theme, each linking to its page', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${lang}/findings/`);
    expect(await page.locator('main h2').count()).toBeGreaterThan(3);
    // Every chart of data/charts.csv (14 since the UNICEF estimates, which must not share an axis, stopped being one).
    expect(await page.locator(`main a[href^="/${lang}/findings/"]`).count()).toBeGreaterThanOrEqual(14);
    await page.close();
  });

  it('a chart page shows the figure with an accessible name, its table, and a CSV of exactly its rows', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${lang}/findings/miccaf-household-income/`);
    // One layout per width is drawn; the one for this phone's width is the one shown.
    const svg = page.locator('figure.chart .chart__plot svg[role="img"]:visible');
    expect(await svg.count()).toBe(1);
    const titleId = await svg.getAttribute('aria-labelledby');
    expect((await page.locator(`[id="${titleId}"]`).textContent())!.trim().length).toBeGreaterThan(5);
    // The numbers from the MICCAF report are drawn and tabled.
    expect(await svg.textContent()).toContain('1,762');
    await page.locator('figure.chart details summary').click();
    const cells = await page.locator('figure.chart table tbody tr').allTextContents();
    expect(cells).toHaveLength(2);
    expect(cells.join(' ')).toContain('5,452');

    const href = await page.locator('[data-chart-csv]').getAttribute('href');
    expect(href).toBe('/findings/miccaf-household-income.csv');
    const response = await page.request.get(site.server.url + href);
    expect(response.status()).toBe(200);
    const rows = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.id, r.value])).toEqual([
      ['miccaf-outcomes-001', '1762'],
      ['miccaf-outcomes-002', '5452'],
    ]);
    await page.close();
  });

  it('a report page shows its charts with their source lines', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${lang}/reports/miccaf/`);
    expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(5);
    const source = await page.locator('figure.chart .chart__source a').first().getAttribute('href');
    expect(source).toBe(`/${lang}/reports/miccaf/#source-document`);
    expect(await page.locator('#source-document').count()).toBe(1);
    await page.close();
  });

  it('the direction matrix says better or worse in words, not colour alone', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${lang}/findings/miccaf-directions-migration/`);
    const text = await page.locator('figure.chart .chart__plot .matrix').textContent();
    const words = lang === 'en' ? ['better', 'worse', 'difference'] : ['ល្អជាង', 'អាក្រក់ជាង'];
    for (const w of words) expect(text).toContain(w);
    await page.close();
  });
});
