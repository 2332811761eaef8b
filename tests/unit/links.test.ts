import { describe, expect, it } from 'vitest';
import { checkLinks, extractLinks, internalTarget } from '../../src/lib/quality/links';

const origin = 'https://site.example';
const pages = new Map([
  ['/en/', extractLinks('<a href="/en/reports/a/#findings">A</a><a href="reports/b/">B</a><a href="https://other.example/x">out</a><a href="mailto:x@y.z">mail</a>')],
  ['/en/reports/a/', extractLinks('<h2 id="findings">F</h2><a href="#missing">?</a><img src="/fonts/x.woff2"><link rel="canonical" href="https://site.example/en/reports/a/">')],
]);
const files = new Set(['/en/', '/en/reports/a/', '/fonts/x.woff2']);

describe('checkLinks', () => {
  const problems = checkLinks(pages, (p) => files.has(p), origin);
  it('reports a link to a page that does not exist, relative links included', () => {
    expect(problems).toContain('/en/ links to reports/b/, which does not exist.');
  });
  it('reports an anchor that is not on its page', () => {
    expect(problems).toContain('/en/reports/a/ links to #missing, but /en/reports/a/ has no element with id "missing".');
  });
  it('accepts good links and anchors, absolute links to the site itself, and ignores other sites and mail', () => {
    expect(problems).toHaveLength(2);
  });
});

describe('internalTarget', () => {
  it('resolves relative paths against the page', () => {
    expect(internalTarget('../b/#x', '/en/reports/a/', origin)).toEqual({ path: '/en/reports/b/', hash: 'x' });
  });
  it('leaves other sites alone', () => {
    expect(internalTarget('https://other.example/', '/en/', origin)).toBeNull();
  });
});
