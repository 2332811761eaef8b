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

  it('never shows speaker notes on the projected window, whatever key is pressed', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(url());
    const notes = await page.evaluate(() => [...document.querySelectorAll('[data-speaker-notes]')].map((n) => n.textContent!.trim()));
    expect(notes.length).toBeGreaterThan(0);
    const withNotes = await page.evaluate(() => [...document.querySelectorAll('.slide')].findIndex((s) => s.querySelector('[data-speaker-notes]')) + 1);
    await page.goto(`${url()}#slide-${withNotes}`);
    // Every key but P (opens the presenter's window), F (full screen) and Esc (leaves), twice: N shows nothing here.
    for (const key of [...'abcdeghijklmnoqrstuvwxyzN.', ...'abcdeghijklmnoqrstuvwxyzN.']) await page.keyboard.press(key);
    await page.locator('[data-deck-notes]').evaluate((b: HTMLElement) => b.click());
    expect(await current(page)).toBe(withNotes);
    expect(await page.locator('[data-deck-notes-panel], [data-deck-presenter]').count()).toBe(0);
    // On no slide does any of the notes' text show.
    const total = await page.locator('.slide').count();
    for (let i = 1; i <= total; i++) {
      await page.evaluate((n) => (location.hash = `#slide-${n}`), i);
      const shown = await page.evaluate(() => document.body.innerText);
      for (const note of notes) expect(shown, `slide ${i}`).not.toContain(note.slice(0, 40));
    }
    await page.close();
  });

  it("opens the presenter's window with this slide, the next, the notes and a timer, in step with the projector", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(url());
    const withNotes = await page.evaluate(() => [...document.querySelectorAll('.slide')].findIndex((s) => s.querySelector('[data-speaker-notes]')) + 1);
    const headings = await page.evaluate(() => [...document.querySelectorAll('.slide')].map((s) => s.querySelector('h1, h2')!.textContent!.trim()));
    const note = await page.evaluate((n) => document.querySelectorAll('.slide')[n - 1].querySelector('[data-speaker-notes]')!.textContent!.trim(), withNotes);
    await page.goto(`${url()}#slide-${withNotes}`);
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
    await presenter.waitForLoadState();
    expect(new URL(presenter.url()).searchParams.has('presenter')).toBe(true);
    const view = async () =>
      presenter.evaluate(() => {
        const visible = (e: Element | null) => !!e && (e as HTMLElement).getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
        const currentSlide = document.querySelector('.deck__slides > .slide.is-current');
        const next = document.querySelector('[data-deck-next-slide]');
        const notes = document.querySelector('[data-deck-notes-panel]');
        const timer = document.querySelector('[data-deck-timer]');
        return {
          current: visible(currentSlide) ? currentSlide!.querySelector('h1, h2')!.textContent!.trim() : null,
          next: visible(next?.querySelector('.slide') ?? null) ? next!.querySelector('h1, h2')!.textContent!.trim() : visible(next) ? next!.textContent!.trim() : null,
          notes: visible(notes) ? (notes as HTMLElement).innerText.trim() : null,
          timer: visible(timer) ? timer!.textContent : null,
        };
      });
    let shown = await view();
    expect(shown.current).toBe(headings[withNotes - 1]);
    expect(shown.next).toBe(headings[withNotes]);
    expect(shown.notes!.replace(/\s+/g, ' ')).toBe(note.replace(/\s+/g, ' '));
    expect(shown.timer).toBe('0:00');
    await context.clock.fastForward('01:05');
    expect((await view()).timer).toBe('1:05');
    // N shows and hides the notes in the presenter's window.
    await presenter.keyboard.press('n');
    expect((await view()).notes).toBeNull();
    await presenter.keyboard.press('n');
    expect((await view()).notes).not.toBeNull();
    // The two windows move together, from either one.
    await presenter.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => location.hash === `#slide-${n}`, withNotes + 1);
    await page.keyboard.press('ArrowLeft');
    await presenter.waitForFunction((n) => location.hash === `#slide-${n}`, withNotes);
    shown = await view();
    expect(shown.current).toBe(headings[withNotes - 1]);
    expect(shown.next).toBe(headings[withNotes]);
    // N on the projector hides the notes in the presenter's window, and shows nothing where it is pressed.
    await page.keyboard.press('n');
    await presenter.waitForFunction(() => document.querySelector<HTMLElement>('[data-deck-notes-panel]')!.hidden);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(note.slice(0, 40));
    // On the last slide the presenter sees that nothing follows.
    await presenter.keyboard.press('End');
    expect((await view()).next).toBe(await presenter.locator('[data-deck-next-slide]').getAttribute('data-end'));
    await context.close();
  });

  it.each([
    [1920, 1080],
    [1280, 720],
  ])('puts every slide\'s title at the same place at %ix%i', async (width, height) => {
    const page = await site.browser.newPage({ viewport: { width, height } });
    const places = new Map<string, string[]>();
    for (const slug of BRIEFS) {
      await page.goto(`${site.server.url}/${lang}/briefs/${slug}/present/`);
      await page.evaluate(() => document.fonts.ready);
      const total = await page.locator('.slide').count();
      for (let i = 1; i <= total; i++) {
        await page.evaluate((n) => (location.hash = `#slide-${n}`), i);
        const box = await page.locator('.slide.is-current :is(h1, h2)').first().boundingBox();
        const place = `${Math.round(box!.x)},${Math.round(box!.y)}`;
        places.set(place, [...(places.get(place) ?? []), `${slug} ${i}`]);
      }
    }
    expect([...places.keys()], JSON.stringify(Object.fromEntries(places))).toHaveLength(1);
    await page.close();
  });

  it.each([
    [1920, 1080],
    [1280, 720],
  ])('ends at %ix%i with a QR code of at least two fifths of the screen\'s height, its address written under it', async (width, height) => {
    const page = await site.browser.newPage({ viewport: { width, height } });
    await page.goto(url());
    await page.evaluate(() => document.fonts.ready);
    await page.keyboard.press('End');
    const code = (await page.locator('.slide.is-current .qr__code svg').boundingBox())!;
    expect(code.height).toBeGreaterThanOrEqual(0.4 * height);
    expect(code.width).toBeGreaterThanOrEqual(0.4 * height);
    const address = page.locator('.slide.is-current [data-qr-url]');
    const box = (await address.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(code.y + code.height);
    expect(box.x).toBeLessThan(code.x + code.width);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    const text = (await address.innerText()).replace(/\s+/g, '');
    // The brief's public address, as its canonical link gives it, without scheme or trailing slash.
    const canonical = new URL((await page.locator('link[rel=canonical]').getAttribute('href'))!);
    expect(text).toBe(`${canonical.host}${canonical.pathname.replace(/\/present\/$/, '')}`);
    const size = await address.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual((28 / 1920) * width);
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
    for (const selector of ['.site-header', '.site-footer', '.lang-switch', '.header-search-link', '.toc', '.skip-link']) {
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

  it('prints every brief with body text of at least 10.5 pt (11 pt in Khmer), on at most two A4 pages', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    for (const slug of BRIEFS) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${site.server.url}/${lang}/briefs/${slug}/`);
      await page.evaluate(() => document.fonts.ready);
      await page.emulateMedia({ media: 'print' });
      // Body text: the summary, the key messages and the brief's own paragraphs and lists (not captions, charts or citations).
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.page-brief :is(.lede, .study-found__messages li, .prose p, .prose li)')]
          .filter((e) => e.getClientRects().length > 0 && !e.closest('figure, .cite-block, .notice'))
          .map((e) => ({ lang: (e.closest('[lang]') as HTMLElement).lang, px: parseFloat(getComputedStyle(e).fontSize), text: e.textContent!.trim().slice(0, 30) })),
      );
      expect(sizes.length, slug).toBeGreaterThan(5);
      for (const { lang: textLang, px, text } of sizes) {
        const least = textLang.startsWith('km') ? (11 * 96) / 72 : (10.5 * 96) / 72; // 14.67 px and 14 px
        if (px < least - 0.01) problems.push(`${slug}: ${px.toFixed(2)} px (${textLang}) "${text}"`);
      }
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      if (pages > 2) problems.push(`${slug}: ${pages} A4 pages`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
