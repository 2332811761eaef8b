/** Readers find a long page's sections and the charts without hunting: contents under the title on a phone, findings first, chart cards. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';

const site = useBuiltSiteAndBrowser();
const chartIds = Papa.parse<Record<string, string>>(readFileSync('data/charts.csv', 'utf8'), { header: true, skipEmptyLines: true }).data.map((c) => c.id);

describe.each(['en', 'km'])('contents and findings in %s', (lang) => {
  it.each(['reports/miccaf/', 'about/'])('%s: on a phone the contents sit folded under the title; on a laptop beside the text', async (path) => {
    const phone = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${site.server.url}/${lang}/${path}`);
    const compact = phone.locator('.toc-compact');
    expect(await compact.isVisible()).toBe(true);
    expect(await phone.locator('nav.toc').isVisible()).toBe(false);
    // Under the title, above the first section of the text.
    const contentsTop = (await compact.boundingBox())!.y;
    expect(contentsTop).toBeGreaterThan((await phone.locator('h1').boundingBox())!.y);
    expect(contentsTop).toBeLessThan((await phone.locator('.prose h2').first().boundingBox())!.y);
    expect(await compact.locator('details').getAttribute('open')).toBeNull();
    await compact.locator('summary').click();
    const links = await compact.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThan(3);
    for (const href of links) expect(await phone.locator(`[id="${decodeURIComponent(href.slice(1))}"]`).count(), href).toBe(1);
    await phone.close();
    const laptop = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await laptop.goto(`${site.server.url}/${lang}/${path}`);
    expect(await laptop.locator('.toc-compact').isVisible()).toBe(false);
    expect(await laptop.locator('nav.toc').isVisible()).toBe(true);
    await laptop.close();
  });

  it('the MICCAF report opens with its findings; the cover letters are an appendix near the end', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/reports/miccaf/`);
    const headings = await page.locator('.prose h2').allTextContents();
    expect(headings[0]).toBe(lang === 'en' ? 'Findings' : 'លទ្ធផលរកឃើញ');
    const cover = headings.findIndex((h) => h.includes(lang === 'en' ? 'cover letters' : 'លិខិតភ្ជាប់'));
    expect(cover).toBeGreaterThan(headings.length - 4);
    await page.close();
  });

  it('the findings index shows every chart as a card with a thumbnail drawn at build time', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/${lang}/findings/`);
    const cards = page.locator('.finding-card');
    expect(await cards.count()).toBe(chartIds.length);
    const hrefs = await cards.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(chartIds.map((id) => `/${lang}/findings/${id}/`).sort());
    for (let i = 0; i < chartIds.length; i++) {
      const thumb = cards.nth(i).locator('svg.chart-thumb');
      expect(await thumb.getAttribute('aria-hidden')).toBe('true');
      expect(await thumb.locator('rect').count()).toBeGreaterThan(0);
      expect(await thumb.locator('text').count()).toBe(0);
      const box = (await thumb.boundingBox())!;
      expect(box.height).toBeGreaterThan(40);
    }
    await page.close();
  });
});
