/**
 * npm run screenshots (after a build): PNGs of every page type in both languages at phone, tablet,
 * laptop and projector widths, and of the slides at 1280 × 720 and 1920 × 1080, for a person to look at.
 * Writes into screenshots/ (or the folder given as the first argument), never into dist/.
 * Each file is the first screen (what a reader judges a page by); FULL=1 takes whole pages.
 * Prints each file with any sideways overflow, which is a layout fault at that width.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../support/browser.ts';
import { serveBuiltSite } from '../support/site.ts';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
const WIDTHS = [360, 390, 768, 1280, 1920];
/** Height of the first screen at each width: phones are tall, screens are 16:9 or 16:10. */
const heightFor = (w: number) => (w < 500 ? 844 : w < 1000 ? 1024 : w < 1600 ? 800 : 1080);
/** One page of every type, by its path after /{lang}/. */
const PAGE_TYPES: Record<string, string> = {
  home: '',
  reports: 'reports/',
  report: 'reports/miccaf/',
  briefs: 'briefs/',
  brief: 'briefs/miccaf-key-findings/',
  findings: 'findings/',
  chart: 'findings/miccaf-household-income/',
  matrix: 'findings/miccaf-directions-migration/',
  recommendations: 'recommendations/',
  theme: 'recommendations/theme/mental-health/',
  practices: 'practices/',
  search: 'search/?q=income',
  about: 'about/',
};
const SLIDES = 'briefs/miccaf-key-findings/present/';
const SLIDE_SIZES = [
  [1280, 720],
  [1920, 1080],
];
const LANGS = (process.env.LANGS ?? 'en,km').split(',');
const only = process.env.ONLY?.split(',');

mkdirSync(outDir, { recursive: true });
const server = await serveBuiltSite();
const browser = await launchBrowser();
let count = 0;
try {
  const shoot = async (url: string, width: number, height: number, file: string) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(server.url + url, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    await page.close();
    count++;
    console.log(`${path.relative(process.cwd(), file)}${overflow > 0 ? `  sideways overflow ${overflow}px` : ''}`);
  };
  for (const lang of LANGS) {
    for (const [name, p] of Object.entries(PAGE_TYPES)) {
      if (only && !only.includes(name)) continue;
      for (const w of WIDTHS) await shoot(`/${lang}/${p}`, w, heightFor(w), path.join(outDir, `${lang}-${name}-${w}.png`));
    }
    if (!only || only.includes('slides')) {
      for (const [w, h] of SLIDE_SIZES) {
        await shoot(`/${lang}/${SLIDES}`, w, h, path.join(outDir, `${lang}-slides-title-${w}x${h}.png`));
        await shoot(`/${lang}/${SLIDES}#slide-4`, w, h, path.join(outDir, `${lang}-slides-4-${w}x${h}.png`));
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${count} screenshots in ${path.relative(process.cwd(), outDir) || '.'}`);
