/**
 * The measurable rules of the design (issue 13), in Chromium with the site's real fonts, in both
 * languages: chart text 14-18 px (Khmer 15-18) at every width and never outside its chart or on other
 * text; no word of the direction matrix broken across lines; a compact header on a phone; a home page
 * that opens with charts; slides readable from the back of a room.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';

const site = useBuiltSiteAndBrowser();
const chartIds = readFileSync('data/charts.csv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
const LANGS = ['en', 'km'] as const;
const minSize = (lang: string) => (lang === 'km' ? 15 : 14);

let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  context = await site.browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
});
afterAll(() => context?.close());

async function open(path: string, width: number, height = 900) {
  await page.setViewportSize({ width, height });
  await page.goto(site.server.url + path);
  await page.evaluate(() => document.fonts.ready);
}

/** Every chart text on the page as shown: its rendered size, and whether it leaves its chart or meets another. */
function measureCharts() {
  return page.evaluate(() => {
    const out: { sizes: number[]; problems: string[]; shown: number } = { sizes: [], problems: [], shown: 0 };
    for (const figure of document.querySelectorAll('figure.chart')) {
      const svgs = [...figure.querySelectorAll<SVGSVGElement>('.chart__plot svg.chart-svg')].filter((s) => s.getBoundingClientRect().width > 0);
      const matrix = figure.querySelector<HTMLElement>('.matrix');
      if (svgs.length + (matrix ? 1 : 0) !== 1) out.problems.push(`${figure.id}: ${svgs.length} layouts shown`);
      out.shown++;
      for (const svg of svgs) {
        const scale = svg.getScreenCTM()!.a;
        const width = svg.viewBox.baseVal.width;
        const boxes: { text: string; x0: number; x1: number; y0: number; y1: number }[] = [];
        for (const text of svg.querySelectorAll('text')) {
          const size = Number(text.getAttribute('font-size'));
          out.sizes.push(size * scale);
          const x = Number(text.getAttribute('x'));
          let y = Number(text.getAttribute('y'));
          const tspans = [...text.querySelectorAll('tspan')];
          const lines = [text.firstChild?.nodeType === 3 ? (text.firstChild.textContent ?? '') : '', ...tspans.map((t) => t.textContent ?? '')];
          let offset = 0;
          lines.forEach((line, k) => {
            if (k > 0) y += Number(tspans[k - 1].getAttribute('dy'));
            const w = line ? text.getSubStringLength(offset, line.length) : 0;
            offset += line.length;
            if (line) boxes.push({ text: line, x0: x, x1: x + w, y0: y - size * 0.8, y1: y + size * 0.25 });
          });
        }
        for (const b of boxes) if (b.x1 > width + 1 || b.x0 < -1) out.problems.push(`${figure.id}: "${b.text}" runs outside the chart (${Math.round(b.x1)} > ${width})`);
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((c) => {
            if (a.x0 < c.x1 - 1 && c.x0 < a.x1 - 1 && a.y0 < c.y1 - 1 && c.y0 < a.y1 - 1) out.problems.push(`${figure.id}: "${a.text}" overlaps "${c.text}"`);
          }),
        );
      }
      if (matrix) {
        for (const el of matrix.querySelectorAll<HTMLElement>('th, .matrix__word')) {
          if (el.getClientRects().length) out.sizes.push(parseFloat(getComputedStyle(el).fontSize));
        }
        const box = matrix.getBoundingClientRect();
        const plot = figure.querySelector('.chart__plot')!.getBoundingClientRect();
        if (box.right > plot.right + 1) out.problems.push(`${figure.id}: the matrix is wider than its space (${Math.round(box.width)} > ${Math.round(plot.width)})`);
      }
    }
    return out;
  });
}

describe.each(LANGS)('charts in %s', (lang) => {
  it.each([320, 390, 1280, 1920])('keep their text at a readable size, inside the chart and apart, at %i px', async (width) => {
    const problems: string[] = [];
    for (const id of chartIds) {
      await open(`/${lang}/findings/${id}/`, width);
      const { sizes, problems: found } = await measureCharts();
      problems.push(...found);
      const small = sizes.filter((s) => s < minSize(lang) - 0.05);
      const large = sizes.filter((s) => s > 18.05);
      if (!sizes.length) problems.push(`${id}: no chart text measured`);
      if (small.length || large.length) problems.push(`${id} at ${width}px: text from ${Math.min(...sizes).toFixed(1)} to ${Math.max(...sizes).toFixed(1)} px`);
    }
    expect(problems).toEqual([]);
  });

  it.each([320, 390, 768, 1280, 1920])('the direction matrix breaks no word across lines at %i px', async (width) => {
    const broken: string[] = [];
    for (const id of ['miccaf-directions-migration', 'miccaf-directions-gender']) {
      await open(`/${lang}/findings/${id}/`, width);
      broken.push(
        ...(await page.evaluate((lang) => {
          const found: string[] = [];
          const words = new Intl.Segmenter(lang, { granularity: 'word' });
          const walker = document.createTreeWalker(document.querySelector('.matrix')!, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (const { segment, index, isWordLike } of words.segment(text)) {
              if (!isWordLike) continue;
              const range = document.createRange();
              range.setStart(node, index);
              range.setEnd(node, index + segment.length);
              const rects = [...range.getClientRects()].filter((r) => r.width > 0);
              if (rects.length > 1) found.push(`"${segment}" on ${rects.length} lines`);
            }
          }
          return found;
        }, lang)),
      );
    }
    expect(broken).toEqual([]);
  });

  it('the direction matrix reads one outcome at a time on a phone and as a table on a wide screen', async () => {
    await open(`/${lang}/findings/miccaf-directions-migration/`, 390);
    expect(await page.locator('.matrix thead').isVisible()).toBe(false);
    // Each finding names its group; a group the source says nothing about is left out of the list.
    expect(await page.locator('.matrix td:not(.matrix__cell--none) .matrix__group').first().isVisible()).toBe(true);
    expect(await page.locator('.matrix .matrix__cell--none').first().isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await open(`/${lang}/findings/miccaf-directions-migration/`, 1920);
    expect(await page.locator('.matrix thead').isVisible()).toBe(true);
    expect(await page.locator('.matrix .matrix__group').first().isVisible()).toBe(false);
    expect(await page.locator('.matrix .matrix__cell--none').first().isVisible()).toBe(true);
  });
});

describe.each(LANGS)('pages in %s', (lang) => {
  it.each(['', 'reports/miccaf/', 'briefs/miccaf-key-findings/', 'findings/', 'recommendations/', 'search/', 'about/'])(
    'the header takes at most a fifth of a 390 × 844 screen (/%s)',
    async (path) => {
      await open(`/${lang}/${path}`, 390, 844);
      const height = await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().height);
      expect(height).toBeLessThanOrEqual(170);
      // Sections, search and the other language stay one tap away.
      expect(await page.locator('.site-nav a').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('.header-search-link').isVisible()).toBe(true);
      expect(await page.locator('.lang-switch a[hreflang]').isVisible()).toBe(true);
    },
  );

  // A text field anywhere on a page makes Chromium lay the page out before its style sheets arrive (autofill
  // scans fields at DOMContentLoaded): 100-130 ms on the Khmer about page. Reading pages have none; search,
  // the two finders, the not-found page and a chart's share fields keep theirs.
  it.each(['', 'reports/miccaf/', 'briefs/miccaf-key-findings/', 'findings/', 'about/', 'glossary/', 'recommendations/theme/caregivers/'])('has no text field, so nothing lays it out before its style (/%s)', async (path) => {
    await open(`/${lang}/${path}`, 390, 844);
    expect(await page.locator('input:not([type="checkbox"], [type="radio"], [type="hidden"], [type="submit"], [type="button"]), textarea').count()).toBe(0);
  });

  it.each(['practices/', 'recommendations/', 'about/'])('the current section shows in the scrolled navigation row on a phone, without script (/%s)', async (path) => {
    await open(`/${lang}/${path}`, 390, 844);
    const { left, right, width } = await page.locator('.site-nav a[aria-current="page"]').evaluate((a) => a.getBoundingClientRect());
    expect(width).toBeGreaterThan(0);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(390);
  });

  it('the home page opens with charts of the headline findings, before any paragraph of text', async () => {
    await open(`/${lang}/`, 390, 844);
    const charts = page.locator('main figure.chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    const first = await page.evaluate(() => {
      const chart = document.querySelector('main figure.chart')!.getBoundingClientRect().top;
      const prose = document.querySelector('main .home-intro p')!.getBoundingClientRect().top;
      return { chart, prose };
    });
    expect(first.chart).toBeLessThan(first.prose);
    expect(first.chart).toBeLessThan(844);
  });

  it('report and brief pages lead with what was found, each message linked to its section', async () => {
    for (const path of ['reports/miccaf/', 'briefs/miccaf-key-findings/']) {
      await open(`/${lang}/${path}`, 1280);
      const links = await page.locator('.study-found__messages a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash));
      expect(links.length).toBeGreaterThanOrEqual(3);
      for (const hash of links) expect(await page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`).count()).toBe(1);
      expect(await page.locator('.study-found figure.chart').count()).toBeGreaterThanOrEqual(1);
    }
  });

  it('on a 390 × 844 phone, report and brief pages start "What this study found" on the first screen', async () => {
    for (const path of ['reports/miccaf/', 'reports/khatlon/', 'briefs/miccaf-key-findings/', 'briefs/khatlon-first-year/']) {
      await open(`/${lang}/${path}`, 390, 844);
      const top = await page.locator('.study-found h2').first().evaluate((h) => h.getBoundingClientRect().top);
      expect(top, path).toBeLessThan(844 - 30);
    }
  });

  it('no page overflows sideways at 320 px, even with an extremely long title', async () => {
    for (const path of ['', 'reports/miccaf/', 'findings/miccaf-directions-migration/', 'findings/khatlon-budget/']) {
      await open(`/${lang}/${path}`, 320);
      await page.evaluate(() => {
        document.querySelector('h1')!.textContent = 'Supercalifragilisticexpialidocious'.repeat(4) + ' ទេសន្តប្រវេសន៍'.repeat(8);
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBe(0);
    }
  });
});

describe.each(LANGS)('slides in %s at 1920 × 1080', (lang) => {
  it('show body text of at least 28 px and chart text of at least 22 px, with a chart slide titled once', async () => {
    const ctx = await site.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const deck = await ctx.newPage();
    const problems: string[] = [];
    let chartSlides = 0;
    for (const brief of ['miccaf-key-findings', 'khatlon-first-year', 'cambodia-family-package', 'remittances-health-education', 'unicef-children-left-behind']) {
      await deck.goto(`${site.server.url}/${lang}/briefs/${brief}/present/`);
      await deck.evaluate(() => document.fonts.ready);
      const count = await deck.locator('.slide').count();
      for (let i = 1; i <= count; i++) {
        await deck.goto(`${site.server.url}/${lang}/briefs/${brief}/present/#slide-${i}`);
        const found = await deck.evaluate(() => {
          const slide = document.querySelector('.slide.is-current')!;
          const text = [...slide.querySelectorAll<HTMLElement>('p, li, figcaption, .cite, th, td')].filter((e) => e.getBoundingClientRect().width > 2 && !e.closest('.visually-hidden'));
          const body = Math.min(...text.map((e) => parseFloat(getComputedStyle(e).fontSize)));
          const svg = [...slide.querySelectorAll<SVGSVGElement>('.chart__plot svg.chart-svg')].find((s) => s.getBoundingClientRect().width > 0);
          const chart = svg ? Math.min(...[...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * svg.getScreenCTM()!.a)) : null;
          const heading = slide.querySelector('h2')?.textContent?.trim() ?? '';
          // The title is said once: the slide's heading; the figure's own title is for assistive technology only.
          const shownTitles = [...slide.querySelectorAll<HTMLElement>('.chart__title')].filter((t) => !t.classList.contains('visually-hidden')).length;
          return { body, chart, heading, shownTitles };
        });
        if (found.body < 28) problems.push(`${brief} slide ${i}: body text ${found.body.toFixed(1)} px`);
        if (found.chart !== null) {
          chartSlides++;
          if (found.chart < 22) problems.push(`${brief} slide ${i}: chart text ${found.chart.toFixed(1)} px`);
          if (found.shownTitles) problems.push(`${brief} slide ${i}: the chart shows its title under the slide's heading`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(chartSlides).toBeGreaterThanOrEqual(5);
    await ctx.close();
  });
});
