import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFeed, offerRenderedPage, removeFeed } from '../../src/lib/search/build-feed';
import { SearchIndexer } from '../../src/integrations/search-index';

const page = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Remittances and the families left behind.</p></main></body></html>`;
const html = (body: string, status = 200, type = 'text/html; charset=utf-8') => new Response(body, { status, headers: { 'content-type': type } });

afterEach(() => removeFeed());

describe('offerRenderedPage (a rendered page handed to the search indexer during a build)', () => {
  it('passes the response on untouched when no build is listening', async () => {
    const response = html(page('A'));
    expect(await offerRenderedPage('/en/a/', response)).toBe(response);
  });

  it('hands a rendered HTML page to the receiver and sends the same page on', async () => {
    const received: [string, string][] = [];
    installFeed((pathname, text) => received.push([pathname, text]));
    const sent = await offerRenderedPage('/en/a/', html(page('A')));
    expect(received).toEqual([['/en/a/', page('A')]]);
    expect(await sent.text()).toBe(page('A'));
    expect(sent.status).toBe(200);
    expect(sent.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('offers neither redirects nor other files', async () => {
    const received: string[] = [];
    installFeed((pathname) => received.push(pathname));
    await offerRenderedPage('/en/old/', new Response(null, { status: 301, headers: { location: '/en/new/', 'content-type': 'text/html' } }));
    await offerRenderedPage('/sitemap.xml', html('<urlset/>', 200, 'application/xml'));
    expect(received).toEqual([]);
  });
});

describe('SearchIndexer', () => {
  const dirs: string[] = [];
  const site = (pages: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'indexer-'));
    dirs.push(dir);
    for (const [url, body] of Object.entries(pages)) {
      mkdirSync(path.join(dir, url), { recursive: true });
      writeFileSync(path.join(dir, url, 'index.html'), body);
    }
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  // The kept index (kept-index.ts) goes to a cache folder of these tests, not the project's.
  const cache = mkdtempSync(path.join(tmpdir(), 'indexer-cache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  beforeEach(() => vi.stubEnv('ASTRO_CACHE_DIR', cache));
  afterEach(() => vi.unstubAllEnvs());

  it('indexes each page once: those handed over while rendering, and those only found on disk', async () => {
    const dir = site({ 'en/a': page('A'), 'en/b': page('B') });
    const indexer = new SearchIndexer();
    indexer.addPage('/en/a', page('A')); // no trailing slash: the same page as en/a/index.html
    const summary = await indexer.finish(dir, true);
    expect(summary.pages).toBe(2);
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages)).toContain('en');
  }, 30_000);

  it('copies the last index when the pages are the same, and writes a new one when one changed', async () => {
    const files = () => readdirSync(path.join(dir, 'pagefind'), { recursive: true }).sort();
    const dir = site({ 'en/a': page('Caregivers'), 'en/b': page('B') });
    const first = await new SearchIndexer().finish(dir, false);
    expect(first.reused).toBeUndefined();
    const written = files();
    const entry = readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8');

    rmSync(path.join(dir, 'pagefind'), { recursive: true });
    const indexer = new SearchIndexer();
    indexer.addPage('/en/a/', page('Caregivers')); // handed over while rendering, as a re-rendered page is
    const second = await indexer.finish(dir, true);
    expect(second).toEqual({ ...first, reused: true });
    expect(files()).toEqual(written);
    expect(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe(entry);

    writeFileSync(path.join(dir, 'en', 'b', 'index.html'), page('Guardianship'));
    rmSync(path.join(dir, 'pagefind'), { recursive: true });
    const third = await new SearchIndexer().finish(dir, false);
    expect(third.reused).toBeUndefined();
    expect(third.pages).toBe(2);
    const fragments = readdirSync(path.join(dir, 'pagefind', 'fragment')).map((f) => gunzipSync(readFileSync(path.join(dir, 'pagefind', 'fragment', f))).toString('utf8'));
    expect(fragments.some((f) => f.includes('Guardianship'))).toBe(true);
  }, 60_000);

  it('fails the build, naming the page, when a page was rendered but never written', async () => {
    const dir = site({ 'en/a': page('A') });
    const indexer = new SearchIndexer();
    indexer.addPage('/en/ghost/', page('Ghost'));
    await expect(indexer.finish(dir, true)).rejects.toThrow('/en/ghost/');
  }, 30_000);
});
