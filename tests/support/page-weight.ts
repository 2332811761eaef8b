/**
 * What a first visit to a page downloads, measured in Chromium: HTML and CSS (gzip), fonts, and the
 * JavaScript loaded before any interaction (gzip), with inline <style> and <script> counted in the HTML.
 * JSON-LD data blocks are not script: they count in the HTML only.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface PageWeight {
  path: string;
  html: number;
  css: number;
  fonts: number;
  js: number;
  fontFiles: string[];
}

export async function measurePage(browser: Browser, base: string, path: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: { type: string; url: string; body: Buffer }[] = [];
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (['document', 'stylesheet', 'font', 'script'].includes(type)) {
      try {
        bodies.push({ type, url: response.url(), body: await response.body() });
      } catch {
        /* redirects have no body */
      }
    }
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(100);
  const inlineScripts = await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')].map((s) => s.textContent ?? '').join(''));
  await context.close();
  const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
  const sum = (type: string, f: (b: Buffer) => number) => bodies.filter((r) => r.type === type).reduce((n, r) => n + f(r.body), 0);
  return {
    path,
    html: sum('document', gz),
    css: sum('stylesheet', gz),
    fonts: sum('font', (b) => b.length),
    js: sum('script', gz) + (inlineScripts ? gz(Buffer.from(inlineScripts)) : 0),
    fontFiles: bodies.filter((r) => r.type === 'font').map((r) => new URL(r.url).pathname.split('/').pop()!),
  };
}
