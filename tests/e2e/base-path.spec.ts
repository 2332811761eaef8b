/**
 * A site deployed in a sub-folder (base path /research/): every link, stylesheet and search result stays
 * under it, content links written as site paths included. The build's own link check already fails on a
 * link that does not resolve; these tests also catch links that resolve only at the root of the domain.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { builtPages } from '../support/dist-pages.ts';
import { buildFixtureSite } from '../support/site.ts';
import { serveDirectory, type StaticServer } from '../support/static-server.ts';

const BASE = '/research/';
const work = mkdtempSync(path.join(tmpdir(), 'base-path-'));
const host = path.join(work, 'host');
const out = path.join(host, 'research');
let server: StaticServer | undefined;
let browser: Browser | undefined;

beforeAll(() => {
  mkdirSync(host, { recursive: true });
  buildFixtureSite(out, path.join(work, 'cache'), { BASE_PATH: BASE });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a site built for a sub-folder', () => {
  it('keeps every root-relative link and resource of every page under the base path', () => {
    const pages = builtPages(out);
    expect(pages.length).toBeGreaterThan(100);
    const escaping = pages.flatMap((p) => [...readFileSync(path.join(out, p, 'index.html'), 'utf8').matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => `${p}: ${m[1]}`).filter((l) => !l.split(': ')[1].startsWith(BASE)));
    expect(escaping).toEqual([]);
  });

  it('puts the base in front of the site paths content links to', () => {
    expect(readFileSync(path.join(out, 'en', 'index.html'), 'utf8')).toContain('href="/research/en/about/"');
    expect(readFileSync(path.join(out, 'km', 'index.html'), 'utf8')).toContain('href="/research/km/about/"');
  });

  it('finds pages through search, with results under the base path that open', async () => {
    server = await serveDirectory(host);
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${server.url}${BASE}en/search/?q=remittances`);
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, { timeout: 15_000 });
    const links = await page.locator('.search-result a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.length).toBeGreaterThan(3);
    expect(links.every((l) => l.startsWith(BASE))).toBe(true);
    const opened = await page.goto(`${server.url}${links[0]}`);
    expect(opened?.status()).toBe(200);
    await page.close();
  });
});
