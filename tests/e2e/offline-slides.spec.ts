/**
 * The one-file slides of every brief, opened from a file:// URL (as from a USB stick) with the network cut:
 * Chromium aborts and records every request that is not for the file itself. Nothing may be requested, the
 * fonts inside the file draw the text (the Noto and Khmer fonts hidden from the browser, so nothing else
 * could), every slide is reached with the keys, and present mode works.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import { fontsEnvironment } from '../support/fonts.ts';
import { DIST } from '../support/site.ts';
import { siteConfig } from '../../src/lib/config/site-config';

const fonts = fontsEnvironment('hidden');
const site = useBuiltSiteAndBrowser(fonts.env);
afterAll(() => fonts.dispose());

const briefs = (lang: string) => readdirSync(path.join(DIST, lang, 'briefs'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const offlineFile = (lang: string, slug: string) => path.join(DIST, lang, 'briefs', slug, 'slides-offline.html');
const current = (page: Page) => page.evaluate(() => [...document.querySelectorAll('.slide')].findIndex((s) => s.classList.contains('is-current')) + 1);

/** A context whose every request but file:// ones is aborted and recorded, with failures and CSP reports. */
async function offlineContext(): Promise<{ context: BrowserContext; blocked: string[]; failed: string[]; errors: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const blocked: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  context.on('requestfailed', (request) => failed.push(`${request.url().slice(0, 120)}: ${request.failure()?.errorText}`));
  context.on('page', (page) => {
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  return { context, blocked, failed, errors };
}

describe.each(['en', 'km'])('offline slides in %s', (lang) => {
  it('exist for every brief, and the brief page and its slides link to them for download', async () => {
    const list = briefs(lang);
    expect(list.length).toBeGreaterThanOrEqual(5);
    const page = await site.browser.newPage();
    for (const slug of list) {
      expect(existsSync(offlineFile(lang, slug)), slug).toBe(true);
      for (const from of [`/${lang}/briefs/${slug}/`, `/${lang}/briefs/${slug}/present/`]) {
        await page.goto(site.server.url + from);
        const link = page.locator('a[href$="slides-offline.html"][download]');
        expect(await link.count(), from).toBe(1);
        const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
        expect(response.status(), from).toBe(200);
      }
    }
    await page.close();
  });

  it('open from a file with the network cut: no request, the embedded fonts, every slide by the keys', { timeout: 180_000 }, async () => {
    const { context, blocked, failed, errors } = await offlineContext();
    const page = await context.newPage();
    for (const slug of briefs(lang)) {
      // The same slides as the online page.
      const online = await site.browser.newPage();
      await online.goto(`${site.server.url}/${lang}/briefs/${slug}/present/`);
      const onlineTitles = await online.locator('.slide :is(h1, h2)').allInnerTexts();
      await online.close();

      await page.goto(pathToFileURL(offlineFile(lang, slug)).href);
      await page.evaluate(() => document.fonts.ready);
      const titles = await page.locator('.slide :is(h1, h2)').allInnerTexts();
      expect(titles, slug).toEqual(onlineTitles);
      const total = titles.length;
      // Forward through every slide with the clicker's keys, then back.
      expect(await current(page)).toBe(1);
      for (let i = 2; i <= total; i++) {
        await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
        expect(await current(page), `${slug} slide ${i}`).toBe(i);
        expect(new URL(page.url()).hash).toBe(`#slide-${i}`);
      }
      await page.keyboard.press('ArrowLeft');
      expect(await current(page)).toBe(total - 1);
      await page.keyboard.press('Home');
      expect(await current(page)).toBe(1);
      await page.keyboard.press('End');
      expect(await current(page)).toBe(total);
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      expect(await current(page)).toBe(3);
      // The text is drawn with the faces carried in the file (the system's Noto and Khmer fonts are hidden).
      const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`));
      expect(loaded, slug).toContain('Site Sans 700');
      if (lang === 'km') expect(loaded, slug).toContain('Site Khmer 400');
      // The closing slide's QR code and address are the brief's public address.
      await page.keyboard.press('End');
      expect(await page.locator('.slide.is-current .qr__code svg').count()).toBe(1);
      const address = await page.locator('.slide.is-current [data-qr-url]').getAttribute('href');
      expect(address).toBe(new URL(`${lang}/briefs/${slug}/`, new URL(siteConfig().base, siteConfig().url)).href);
    }
    expect(blocked).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps present mode: theme, blank screen, full screen, the presenter window, and Esc back to the public brief', async () => {
    const { context, blocked, failed, errors } = await offlineContext();
    const slug = 'miccaf-key-findings';
    const page = await context.newPage();
    await page.goto(pathToFileURL(offlineFile(lang, slug)).href + '#slide-4');
    expect(await current(page)).toBe(4);
    const deck = page.locator('slide-deck');
    const theme = await deck.getAttribute('data-theme');
    await page.keyboard.press('t');
    expect(await deck.getAttribute('data-theme')).not.toBe(theme);
    await page.keyboard.press('b');
    expect(await deck.evaluate((d) => d.classList.contains('is-blank'))).toBe(true);
    await page.keyboard.press('b');
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 5000 });
    await page.evaluate(() => document.exitFullscreen());
    // P: the presenter's window, this same file with ?presenter, styled by the sheet carried inside it.
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await presenter.waitForLoadState();
    expect(presenter.url().startsWith('file:')).toBe(true);
    expect(new URL(presenter.url()).searchParams.has('presenter')).toBe(true);
    await presenter.waitForFunction(() => getComputedStyle(document.querySelector('.deck__presenter')!).position === 'fixed');
    expect(await presenter.locator('[data-deck-timer]').isVisible()).toBe(true);
    expect(await presenter.locator('[data-deck-notes-panel]').isVisible()).toBe(true);
    await presenter.close();
    expect(blocked).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    // Esc leaves for the brief on the public site: the one request the file makes, and only when asked to.
    await page.waitForFunction(() => document.fullscreenElement === null);
    await Promise.all([page.waitForEvent('requestfailed'), page.keyboard.press('Escape')]);
    expect(blocked).toEqual([new URL(`${lang}/briefs/${slug}/`, new URL(siteConfig().base, siteConfig().url)).href]);
    await context.close();
  });
});
