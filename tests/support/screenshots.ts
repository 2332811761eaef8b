/**
 * Takes full-page screenshots of built pages for a person to look at.
 * Usage: node tests/support/screenshots.ts OUT_DIR WIDTHxHEIGHT[,..] /en/ /km/reports/miccaf/ ...
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.ts';
import { serveBuiltSite } from './site.ts';

const [outDir = '/tmp/shots', sizes = '390x844,1920x1080', ...pages] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const server = await serveBuiltSite();
const browser = await launchBrowser();
try {
  for (const size of sizes.split(',')) {
    const [width, height] = size.split('x').map(Number);
    const page = await browser.newPage({ viewport: { width, height } });
    for (const p of pages.length ? pages : ['/en/', '/km/']) {
      await page.goto(server.url + p, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const file = path.join(outDir, `${p.replace(/\W+/g, '_')}${width}.png`);
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(`${file}  horizontal overflow: ${overflow}px`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
