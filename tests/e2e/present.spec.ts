/** Workshop mode in Chromium: clicker keys, hash per slide, no-script scroll view, fitting slides, and print. */
import { describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import type { Page } from 'playwright-core';

const BRIEFS = ['miccaf-key-findings', 'khatlon-first-year', 'unicef-children-left-behind', 'remittances-health-education', 'cambodia-family-package'];
const site = useBuiltSiteAndBrowser();

const current = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.slide')].findIndex((s) => s.classList.contains('is-current')) + 1);

describe.each(['en', 'km'])('slides in %s', (lang) => {
  const url = () => `${site.server.url}/${lang}/briefs/miccaf-key-findings/present/`;

  it('moves with the keys a presentation clicker sends, and with arrows, Home, End and a typed number', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url());
    const total = await page.locator('.slide').count();
    expect(total).toBeGreaterThan(5);
    expect(await current(page)).toBe(1);
    await page.keyboard.press('PageDown');
    expect(await current(page)).toBe(2);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await current(page)).toBe(4);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await current(page)).toBe(2);
    await page.keyboard.press('End');
    expect(await current(page)).toBe(total);
    await page.keyboard.press('Home');
    expect(await current(page)).toBe(1);
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    expect(await current(page)).toBe(5);
    expect(new URL(page.url()).hash).toBe('#slide-5');
    expect(await page.locator('[data-deck-counter]').textContent()).toMatch(/5/);
    await page.close();
  });

  it('keeps its place on reload, through the slide\'s hash', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${url()}#slide-6`);
    expect(await current(page)).toBe(6);
    await page.keyboard.press('ArrowRight');
    await page.reload();
    expect(await current(page)).toBe(7);
    await page.close();
  });

  it('F goes full screen and Escape leaves the slides for the brief', async () => {
    const page = await site.browser.newPage();
    await page.goto(url());
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 5000 });
    await page.evaluate(() => document.exitFullscreen());
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.keyboard.press('Escape');
    await page.waitForURL(`${site.server.url}/${lang}/briefs/miccaf-key-findings/`);
    await page.close();
  });

  it('shows speaker notes in a panel the host toggles, never on the slide', async () => {
    const page = await site.browser.newPage();
    await page.goto(url());
    const withNotes = await page.evaluate(() => [...document.querySelectorAll('.slide')].findIndex((s) => s.querySelector('[data-speaker-notes]')) + 1);
    expect(withNotes).toBeGreaterThan(0);
    await page.goto(`${url()}#slide-${withNotes}`);
    expect(await page.locator('.slide.is-current [data-speaker-notes]').isVisible()).toBe(false);
    await page.keyboard.press('n');
    const panel = page.locator('[data-deck-notes-panel]');
    expect(await panel.isVisible()).toBe(true);
    expect((await panel.textContent())!.trim().length).toBeGreaterThan(10);
    await page.close();
  });

  it('without JavaScript is a readable sequence of slides that scrolls', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(url());
    // Title, key messages and closing slides, and one screen per second-level section of the brief.
    expect(await page.locator('section.md-section:visible').count()).toBe(3);
    expect(await page.locator('.deck__slides > h2:visible').count()).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(720 * 5);
    expect(await page.locator('[data-deck-controls]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('every slide of every brief fits the screen', () => {
  it.each([
    [1920, 1080],
    [1280, 720],
  ])('at %ix%i, in both languages', async (width, height) => {
    const page = await site.browser.newPage({ viewport: { width, height } });
    const overflowing: string[] = [];
    for (const lang of ['en', 'km']) {
      for (const slug of BRIEFS) {
        await page.goto(`${site.server.url}/${lang}/briefs/${slug}/present/`);
        await page.evaluate(() => document.fonts.ready);
        const total = await page.locator('.slide').count();
        for (let i = 1; i <= total; i++) {
          await page.evaluate((n) => (location.hash = `#slide-${n}`), i);
          const over = await page.evaluate(() => {
            const slide = document.querySelector('.slide.is-current') as HTMLElement;
            return slide.scrollHeight - slide.clientHeight;
          });
          if (over > 1) overflowing.push(`${lang}/${slug} slide ${i}: ${over}px`);
        }
      }
    }
    expect(overflowing).toEqual([]);
    await page.close();
  });
});

describe.each(['en', 'km'])('the %s brief printed as a handout', (lang) => {
  it('prints no navigation, keeps the QR code, and fits on two A4 pages', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.url}/${lang}/briefs/miccaf-key-findings/`);
    await page.evaluate(() => document.fonts.ready);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.lang-switch', '.header-search', '.toc', '.skip-link']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('.handout-qr svg').isVisible()).toBe(true);
    // The screenshot's top band shows the brief itself, not the site's header.
    const screenshot = await page.screenshot({ path: `/tmp/print-${lang}.png` });
    expect(screenshot.length).toBeGreaterThan(1000);
    const atTop = await page.evaluate(() => document.elementFromPoint(200, 40)?.closest('header, nav, article')?.tagName.toLowerCase() ?? 'none');
    expect(['article', 'none']).toContain(atTop);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeLessThanOrEqual(2);
    await page.close();
  });
});
