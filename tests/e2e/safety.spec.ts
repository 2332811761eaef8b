/**
 * Text from CSV files and frontmatter is always text: a site built with <script> and onerror= payloads
 * in a recommendation, a finding label, a chart title and a report title runs none of them.
 * Every page also carries a Content-Security-Policy, and links to other sites carry rel="noopener".
 */
import { siteConfig } from '../../src/lib/config/site-config';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveDirectory, type StaticServer } from '../support/static-server.ts';
import { buildFixtureSite, DIST } from '../support/site.ts';

const PAYLOAD = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">`;
const work = mkdtempSync(path.join(tmpdir(), 'safety-'));
const out = path.join(work, 'site');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  cpSync('content', path.join(work, 'content'), { recursive: true });
  cpSync('data', path.join(work, 'data'), { recursive: true });
  const edit = (file: string, from: RegExp | string, to: string) => {
    const text = readFileSync(file, 'utf8');
    if (!text.match(from)) throw new Error(`fixture edit did not match in ${file}`);
    writeFileSync(file, text.replace(from, to));
  };
  const recsFile = path.join(work, 'data', 'recommendations.csv');
  const recs = Papa.parse<Record<string, string>>(readFileSync(recsFile, 'utf8'), { header: true, skipEmptyLines: true });
  recs.data[0].text_en = `Attack ${PAYLOAD}`;
  writeFileSync(recsFile, Papa.unparse(recs.data, { columns: recs.meta.fields, newline: '\n' }) + '\n');
  edit(path.join(work, 'data', 'findings', 'miccaf-outcomes.csv'), 'Annual household income', `Income ${PAYLOAD.replace(/"/g, "'")}`);
  edit(path.join(work, 'data', 'charts.csv'), 'Migrant households reported far lower annual income', `Chart ${PAYLOAD.replace(/"/g, "'").replace(/,/g, ' ')}`);
  edit(path.join(work, 'content', 'reports', 'en', 'khatlon.mdx'), /^title: .*$/m, `title: 'Report ${PAYLOAD.replace(/'/g, "''")}'`);
  // Without its Khmer version, the Khmer page shows the English title (and the payload) as a fallback.
  rmSync(path.join(work, 'content', 'reports', 'km', 'khatlon.mdx'));
  buildFixtureSite(out, path.join(work, 'cache'), { CONTENT_ROOT: path.join(work, 'content'), DATA_ROOT: path.join(work, 'data') });
  server = await serveDirectory(out);
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('payloads in data and frontmatter', () => {
  it.each(['/en/recommendations/', '/en/findings/miccaf-household-income/', '/en/reports/miccaf/', '/en/reports/khatlon/', '/en/reports/', '/km/reports/khatlon/'])(
    '%s shows them as text and runs none',
    async (p) => {
      const page = await browser.newPage();
      let dialogs = 0;
      page.on('dialog', async (d) => {
        dialogs++;
        await d.dismiss();
      });
      await page.goto(server.url + p, { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(dialogs).toBe(0);
      expect(await page.locator('main img[src="x"]').count()).toBe(0);
      expect(await page.locator('main').innerText()).toContain('<script>window.__xss=1</script>');
      await page.close();
    },
  );
});

describe('the published site', () => {
  const pages = readdirSync(DIST, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
  it('has a Content-Security-Policy on every page that allows no inline script', () => {
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      expect(csp, file).toBeDefined();
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline/);
    }
    expect(readFileSync(path.join(DIST, '_headers'), 'utf8')).toMatch(/Content-Security-Policy: default-src 'self'/);
  });
  it('marks every link to another site rel="noopener"', () => {
    let external = 0;
    for (const file of pages) {
      for (const tag of readFileSync(file, 'utf8').match(/<a\b[^>]*href="https?:\/\/[^"]+"[^>]*>/g) ?? []) {
        if (tag.includes(`//${new URL(siteConfig().url).host}`)) continue;
        external++;
        expect(tag, file).toMatch(/rel="[^"]*noopener/);
      }
    }
    expect(external).toBeGreaterThan(10);
  });
});
