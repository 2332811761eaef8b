/**
 * A device without our fonts: Chromium started with the Noto and Khmer fonts hidden (FONTCONFIG_FILE, see
 * tests/support/fonts.ts), so every page downloads its fonts and swaps them in. One page of every page type in
 * both languages, on a phone and a desktop screen, must not move by more than 0.02 (cumulative layout shift)
 * from its first paint until its fonts have loaded.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import { fontsEnvironment } from '../support/fonts.ts';
import { pageType } from '../../src/lib/quality/page-types.ts';

const fonts = fontsEnvironment('hidden');
const site = useBuiltSiteAndBrowser(fonts.env);
afterAll(() => fonts.dispose());

const PAGES = [
  '',
  'reports/miccaf/',
  'briefs/miccaf-key-findings/',
  'briefs/miccaf-key-findings/present/',
  'findings/',
  'findings/miccaf-household-income/',
  'embed/miccaf-budget/',
  'recommendations/',
  'recommendations/theme/mental-health/',
  'practices/',
  'search/',
  'about/',
];
const VIEWPORTS = [
  { name: 'phone', width: 412, height: 823, deviceScaleFactor: 1.75 },
  { name: 'desktop', width: 1280, height: 800, deviceScaleFactor: 1 },
];
const MAX_CLS = 0.02;

interface Shift {
  value: number;
  sources: string[];
}

/** Loads a page in a fresh context (no cached fonts), waits for its fonts, and returns its layout shifts and the font files it fetched. */
async function loadAndMeasure(path: string, viewport: (typeof VIEWPORTS)[number]) {
  // Not isMobile: Chromium's touch emulation marks every shift as following input. No input happens here,
  // so every shift counts, as Lighthouse counts them.
  const context = await site.browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: viewport.deviceScaleFactor });
  const page = await context.newPage();
  const fontFiles: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'font') fontFiles.push(new URL(r.url()).pathname.split('/').pop()!);
  });
  await page.goto(site.server.url + path, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);
  const shifts = await page.evaluate(
    () =>
      new Promise<Shift[]>((resolve) => {
        const describe = (node: Node | null) => (node instanceof Element ? `${node.tagName.toLowerCase()}${node.id ? '#' + node.id : ''}${node.classList.length ? '.' + [...node.classList].join('.') : ''}` : String(node?.nodeName));
        new PerformanceObserver((list) => {
          resolve(list.getEntries().map((e) => {
            const shift = e as PerformanceEntry & { value: number; sources: { node: Node | null }[] };
            return { value: shift.value, sources: shift.sources.map((s) => describe(s.node)) };
          }));
        }).observe({ type: 'layout-shift', buffered: true });
        // No entries at all: the observer never calls back.
        setTimeout(() => resolve([]), 500);
      }),
  );
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight}`));
  await context.close();
  return { cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts, fontFiles, loaded };
}

describe('with the fonts hidden from the browser', () => {
  it('a Khmer page downloads its bold Khmer font, because local() cannot find Noto Sans Khmer Bold', async () => {
    // Both Khmer files are preloaded whatever the device has , and used only when local() fails.
    const { fontFiles } = await loadAndMeasure('/km/about/', VIEWPORTS[0]);
    expect(fontFiles).toContain('noto-sans-khmer-khmer-700-normal.woff2');
  });

  describe.each(VIEWPORTS)('on a $name screen ($width px)', (viewport) => {
    it.each(['/', ...['en', 'km'].flatMap((lang) => PAGES.map((p) => `/${lang}/${p}`))])(`%s moves at most ${MAX_CLS} while its fonts load`, async (path) => {
      const { cls, shifts } = await loadAndMeasure(path, viewport);
      const detail = shifts.filter((s) => s.value > 0.001).map((s) => `${s.value.toFixed(4)} ${s.sources.join(', ')}`);
      expect(cls, `${pageType(path)} page ${path}: shifts ${detail.join(' | ')}`).toBeLessThanOrEqual(MAX_CLS);
    });
  });
});
