/**
 * The link check of the build keeps a compact index (each page's ids, and cross-page anchor links until
 * their target is read) instead of every page's links. It must find exactly what checking the whole site at
 * once finds (checkLinks), in the same order.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkProblems } from '../../src/integrations/link-check';
import { checkLinks, extractLinks, type PageLinks } from '../../src/lib/quality/links';
import { siteConfig } from '../../src/lib/config/site-config';

const dir = mkdtempSync(path.join(tmpdir(), 'link-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const site: Record<string, string> = {
  // Links to pages read before and after it, with good and missing anchors on each.
  'en/index.html': '<a href="/en/reports/a/#findings">a</a><a href="/en/reports/z/#gone">z</a><a href="/en/reports/z/#kept">z</a><a href="reports/b/">b</a><a href="#top">top</a><p id="top"></p>',
  'en/reports/a/index.html': '<h2 id="findings">F</h2><a href="#missing">?</a><a href="/en/#top">home</a><a href="/en/#nowhere">home</a><img src="/fonts/x.woff2">',
  'en/reports/z/index.html': '<h2 id="kept">K</h2><a href="/en/briefs/s/present/#slide-3">slide</a><a href="/en/reports/a/#findings">a</a>',
  'en/briefs/s/present/index.html': '<section id="s1"></section>',
  'fonts/x.woff2': '',
};
for (const [file, body] of Object.entries(site)) {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), body);
}

describe('linkProblems (the build’s link check)', () => {
  const problems = linkProblems(dir);

  it('finds a missing page, a missing anchor on the same page, and missing anchors on pages read before and after', () => {
    expect(problems).toEqual(
      expect.arrayContaining([
        '/en/ links to reports/b/, which does not exist.',
        '/en/ links to /en/reports/z/#gone, but /en/reports/z/ has no element with id "gone".',
        '/en/reports/a/ links to #missing, but /en/reports/a/ has no element with id "missing".',
        '/en/reports/a/ links to /en/#nowhere, but /en/ has no element with id "nowhere".',
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('finds exactly what checking every page at once finds, in the same order', () => {
    const pages = new Map<string, PageLinks>();
    for (const file of Object.keys(site).filter((f) => f.endsWith('.html')).sort()) pages.set('/' + file.replace(/index\.html$/, ''), extractLinks(readFileSync(path.join(dir, file), 'utf8')));
    const files = new Set(Object.keys(site).map((f) => '/' + f.replace(/index\.html$/, '')));
    const whole = checkLinks(pages, (p) => files.has(p), new URL(siteConfig().url).origin);
    expect([...problems].sort()).toEqual([...whole].sort());
    // Same order within each page as the page's links.
    const byPage = (list: string[]) => list.filter((p) => p.startsWith('/en/ '));
    expect(byPage(problems)).toEqual(byPage(whole));
  });
});
