/** Byte budgets, in bytes not time, for every page of the sitemap; a failure prints a table of what went over. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBuiltSiteAndBrowser } from '../support/harness.ts';
import { sitemapPaths } from '../support/sitemap.ts';
import { measurePage, type PageWeight } from '../support/page-weight.ts';
import { pageType } from '../../src/lib/quality/page-types.ts';
import { DIST } from '../support/site.ts';

type Measure = 'html' | 'css' | 'fonts' | 'js';
const budgets = JSON.parse(readFileSync('tests/budgets.json', 'utf8')) as Record<string, Partial<Record<Measure, number>>>;
const budgetFor = (type: string, measure: Measure) => budgets[type]?.[measure] ?? budgets.default[measure]!;

const site = useBuiltSiteAndBrowser();

describe('byte budgets', () => {
  it('every page stays within the budget of its type', { timeout: 600_000 }, async () => {
    const over: string[] = [];
    const weights: PageWeight[] = [];
    for (const path of sitemapPaths()) {
      const weight = await measurePage(site.browser, site.server.url, path);
      weights.push(weight);
      const type = pageType(path);
      for (const measure of ['html', 'css', 'fonts', 'js'] as Measure[]) {
        const budget = budgetFor(type, measure);
        if (weight[measure] > budget) over.push(`| ${path} | ${type} ${measure} | ${weight[measure]} | ${budget} |`);
      }
    }
    if (over.length) console.error(['| page | measure | size (bytes) | budget (bytes) |', '|---|---|---|---|', ...over].join('\n'));
    expect(over).toEqual([]);
    // The reading pages work without script: they load no script file, and their only script is the language
    // switch's small inline one that keeps the reader's place (its bytes are in the js budget above).
    for (const w of weights.filter((w) => ['report', 'brief', 'findings', 'recommendations'].includes(pageType(w.path)))) {
      const html = readFileSync(`${DIST}${decodeURIComponent(w.path)}index.html`, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/type="application\/ld\+json"/.test(m[1]));
      expect(scripts.filter((m) => /\bsrc=/.test(m[1])).map((m) => m[0]), w.path).toEqual([]);
      expect(scripts.length, w.path).toBeLessThanOrEqual(1);
      if (scripts.length) expect(html.slice(html.indexOf('<nav class="lang-switch"'), html.indexOf(scripts[0][0])), w.path).not.toContain('</nav>');
      if (pageType(w.path) === 'findings') expect(w.js, w.path).toBe(0);
    }
  });
});
