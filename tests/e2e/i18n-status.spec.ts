/**
 * npm run i18n:status agrees with what a reader sees on the Khmer pages, before and after the English
 * changes; a page with no Khmer version yet shows the English under a Khmer notice and stays out of
 * the Khmer search index. A review recorded with npm run i18n:review (in the copy only) names its reviewer
 * and day on the page, and is listed as stale once the English changes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { buildFixtureSite, DIST } from '../support/site.ts';
import { serveDirectory, type StaticServer } from '../support/static-server.ts';

const work = mkdtempSync(path.join(tmpdir(), 'i18n-status-'));
const content = path.join(work, 'content');
const out = path.join(work, 'site');
let rowsAfter: Map<string, string>;
let statusOutput = '';
let statusAfter = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;

// The fixture: the real content, with one English brief changed after its translation and one Khmer
// report removed, as if it had not been translated yet. Before the change, a review of that brief and of the
// MICCAF report is recorded in the copy (no real file is marked reviewed).
const REVIEWER = 'Test Reviewer';
let reviewDay = '';
beforeAll(() => {
  cpSync('content', content, { recursive: true });
  for (const file of ['briefs/km/khatlon-first-year.mdx', 'reports/km/miccaf.mdx']) {
    const recorded = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/i18n-review.ts', path.join(content, file), '--record', '--reviewer', REVIEWER], { env: { ...process.env, CONTENT_ROOT: content }, encoding: 'utf8' });
    expect(recorded.status, recorded.stderr).toBe(0);
  }
  reviewDay = /^reviewedOn: (\S+)$/m.exec(readFileSync(path.join(content, 'reports/km/miccaf.mdx'), 'utf8'))![1];
  statusOutput = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/i18n-status.ts', 'status'], { env: { ...process.env, CONTENT_ROOT: content }, encoding: 'utf8' }).stdout;
  const english = path.join(content, 'briefs', 'en', 'khatlon-first-year.mdx');
  writeFileSync(english, readFileSync(english, 'utf8').replace(/^## /m, 'A new first paragraph in English.\n\n## '));
  rmSync(path.join(content, 'reports', 'km', 'khatlon.mdx'));
  rowsAfter = status({ CONTENT_ROOT: content });
  statusAfter = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/i18n-status.ts', 'status'], { env: { ...process.env, CONTENT_ROOT: content }, encoding: 'utf8' }).stdout;
  buildFixtureSite(out, path.join(work, 'cache'), { CONTENT_ROOT: content });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

function status(env: Record<string, string> = {}): Map<string, string> {
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/i18n-status.ts', 'status'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  const rows = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const m = /^\s+(\S+\.mdx)\s+(missing|stale|current|unrecorded)/.exec(line);
    if (m) rows.set(m[1].replace(/^.*content\//, ''), m[2]);
  }
  return rows;
}

const pageOf = (file: string, root: string) => {
  const [collection, lang, name] = file.split('/');
  const slug = name.replace(/\.mdx$/, '');
  return path.join(root, lang, collection === 'pages' ? (slug === 'home' ? '' : slug) : `${collection}/${slug}`, 'index.html');
};

describe('translation status', () => {
  it('on the site as built: every Khmer page is current or missing, and no page shows a stale notice', () => {
    const rows = status();
    expect(rows.size).toBeGreaterThan(10);
    for (const [file, state] of rows) {
      const html = readFileSync(pageOf(file, DIST), 'utf8');
      if (state === 'missing') expect(html, file).toContain('data-fallback-notice');
      else expect(state, file).toBe('current');
      expect(html.includes('data-stale-notice'), file).toBe(false);
    }
  });

  it('after the English changes: the translation is listed as stale and its readers see the notice', () => {
    expect(rowsAfter.get('briefs/km/khatlon-first-year.mdx')).toBe('stale');
    expect([...rowsAfter.values()].filter((s) => s === 'stale')).toHaveLength(1);
    for (const [file, state] of rowsAfter) {
      const page = pageOf(file, out);
      if (!existsSync(page)) continue;
      expect(readFileSync(page, 'utf8').includes('data-stale-notice'), file).toBe(state === 'stale');
    }
  });
});

describe('a recorded review', () => {
  const line = (output: string, file: string) => output.split('\n').find((l) => l.includes(file)) ?? '';

  it('is listed with its reviewer and day, and as stale once the English changed', () => {
    expect(line(statusOutput, 'briefs/km/khatlon-first-year.mdx')).toContain(`reviewed (reviewed on ${reviewDay} by ${REVIEWER})`);
    expect(line(statusAfter, 'briefs/km/khatlon-first-year.mdx')).toContain(`reviewed (reviewed on ${reviewDay} by ${REVIEWER}, English changed since)`);
    expect(line(statusAfter, 'reports/km/miccaf.mdx')).toContain(`reviewed (reviewed on ${reviewDay} by ${REVIEWER})`);
    expect(statusAfter).toContain('2 reviewed by a person, 1 of them stale');
  });

  it('names the reviewer and the day, in the page\'s language, where machine translations say they are unreviewed', () => {
    const km = readFileSync(path.join(out, 'km', 'reports', 'miccaf', 'index.html'), 'utf8');
    const day = new Intl.DateTimeFormat('km', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${reviewDay}T00:00:00Z`));
    expect(km).toContain(`<dd data-translation="reviewed">បកប្រែ និងត្រួតពិនិត្យដោយ ${REVIEWER} នៅថ្ងៃទី ${day}</dd>`);
    expect(km).not.toContain('data-machine-notice');
    const other = readFileSync(path.join(out, 'km', 'reports', 'unicef-children-left-behind', 'index.html'), 'utf8');
    expect(other).toContain('<dd data-translation="machine">');
    expect(other).toContain('data-machine-notice');
  });
});

describe('a page not yet translated', () => {
  const page = () => readFileSync(path.join(out, 'km', 'reports', 'khatlon', 'index.html'), 'utf8');

  it('is listed as missing, and its Khmer page shows the English, marked as English, under a Khmer notice', () => {
    expect(rowsAfter.get('reports/km/khatlon.mdx')).toBe('missing');
    const html = page();
    expect(html).toContain('data-fallback-notice');
    expect(html).toContain('ទំព័រនេះមិនទាន់បានបកប្រែជាភាសាខ្មែរនៅឡើយទេ');
    expect(html).toMatch(/<div lang="en" data-content-lang="en">/);
    expect(html).toMatch(/<html lang="km"/);
  });

  it('stays out of the Khmer search index, so its English does not fill Khmer results', { timeout: 60_000 }, async () => {
    server = await serveDirectory(out);
    browser = await launchBrowser();
    const tab = await browser.newPage();
    const query = async (lang: string, q: string) => {
      await tab.goto(`${server!.url}/${lang}/search/`);
      // The search element's query() gives ranked results ({ url, … }); only their addresses matter here.
      return tab.evaluate(
        async (q) => (await (document.querySelector('site-search') as HTMLElement & { query(q: string, n: number): Promise<{ url: string }[]> }).query(q, 1000)).map((r) => r.url),
        q,
      );
    };
    // "Jamoat" (a Tajik local council) is on the English Khatlon pages only.
    expect((await query('en', 'Jamoat')).some((u) => u.startsWith('/en/reports/khatlon/'))).toBe(true);
    expect((await query('km', 'Jamoat')).filter((u) => u.startsWith('/km/reports/khatlon/'))).toEqual([]);
  });
});
