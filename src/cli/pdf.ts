/**
 * npm run pdf — writes an A4 handout PDF of every brief in every language with headless Chromium
 * (Debian's chromium), from the built site in dist/, into dist/handouts/{lang}/{slug}.pdf.
 * Prints each file's page count; a handout is meant to fit on two pages.
 */
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveBuiltSite, DIST } from '../../tests/support/site.ts';

const server = await serveBuiltSite();
const browser = await launchBrowser();
let written = 0;
try {
  for (const lang of readdirSync(DIST).filter((d) => existsSync(path.join(DIST, d, 'briefs')))) {
    const briefsDir = path.join(DIST, lang, 'briefs');
    for (const slug of readdirSync(briefsDir).filter((s) => existsSync(path.join(briefsDir, s, 'index.html')))) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/${lang}/briefs/${slug}/`, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      await page.emulateMedia({ media: 'print' });
      const outDir = path.join(DIST, 'handouts', lang);
      mkdirSync(outDir, { recursive: true });
      const file = path.join(outDir, `${slug}.pdf`);
      const pdf = await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      console.log(`${path.relative(process.cwd(), file)}  ${pages} page(s)${pages > 2 ? '  (more than two: shorten the brief)' : ''}`);
      written++;
      await page.close();
    }
  }
  console.log(`${written} handouts written.`);
} finally {
  await browser.close();
  await server.close();
}
