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
    expect(await page.locator(`main a[href^="/${lang}/findings/"]`).count()).toBeGreaterThanOrEqual(15);
    await page.close();
  });

  it('a chart page shows the figure with an accessible name, its table, and a CSV of exactly its rows', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}/${lang}/findings/miccaf-household-income/`);
    const svg = page.locator('figure.chart .chart__plot svg[role="img"]');
    expect(await svg.count()).toBe(1);
    const titleId = await svg.getAttribute('aria-labelledby');
    expect((await page.locator(`[id="${titleId}"]`).textContent())!.trim().length).toBeGreaterThan(5);
    // The numbers from the MICCAF report are drawn and tabled.
    expect(await page.locator('figure.chart .chart__plot svg').textContent()).toContain('1,762');
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
    const text = await page.locator('figure.chart .chart__plot svg').textContent();
    const words = lang === 'en' ? ['better', 'worse', 'difference'] : ['ល្អជាង', 'អាក្រក់ជាង'];
    for (const w of words) expect(text).toContain(w);
    await page.close();
  });
});

describe('chart text, measured with the real fonts in Chromium', () => {
  it.each(['en', 'km'])('never leaves the chart or runs into other text (%s)', async (lang) => {
    const page = await context.newPage();
    const ids = (await import('node:fs')).readFileSync('data/charts.csv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
    const problems: string[] = [];
    for (const id of ids) {
      await page.goto(`${site.server.url}/${lang}/findings/${id}/`);
      await page.evaluate(() => document.fonts.ready);
      problems.push(
        ...(await page.evaluate((chartId) => {
          const svg = document.querySelector('.chart__plot svg') as SVGSVGElement;
          const width = svg.viewBox.baseVal.width;
          // One box per line: the first line is the <text>'s own text, later lines are <tspan>s.
          const boxes: { text: string; x0: number; x1: number; y0: number; y1: number }[] = [];
          for (const text of svg.querySelectorAll('text')) {
            const size = Number(text.getAttribute('font-size'));
            const anchor = text.getAttribute('text-anchor') ?? 'start';
            const x = Number(text.getAttribute('x'));
            let y = Number(text.getAttribute('y'));
            const lines = [text.firstChild?.nodeType === 3 ? text.firstChild.textContent ?? '' : '', ...[...text.querySelectorAll('tspan')].map((t) => t.textContent ?? '')];
            let offset = 0;
            lines.forEach((line, k) => {
              if (k > 0) y += Number(text.querySelectorAll('tspan')[k - 1].getAttribute('dy'));
              const w = line ? text.getSubStringLength(offset, line.length) : 0;
              offset += line.length;
              const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
              if (line) boxes.push({ text: line, x0, x1: x0 + w, y0: y - size * 0.8, y1: y + size * 0.25 });
            });
          }
          const out: string[] = [];
          for (const b of boxes) if (b.x1 > width + 1 || b.x0 < -1) out.push(`${chartId}: "${b.text}" runs outside the chart (${Math.round(b.x1)} > ${width})`);
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i];
              const c = boxes[j];
              if (a.x0 < c.x1 - 1 && c.x0 < a.x1 - 1 && a.y0 < c.y1 - 1 && c.y0 < a.y1 - 1) out.push(`${chartId}: "${a.text}" overlaps "${c.text}"`);
            }
          return out;
        }, id)),
      );
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
