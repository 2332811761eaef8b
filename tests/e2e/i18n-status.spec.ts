/** npm run i18n:status agrees with what a reader sees on the Khmer pages, before and after the English changes. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/site.ts';

const work = mkdtempSync(path.join(tmpdir(), 'i18n-status-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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

  it('after the English changes: the translation is listed as stale and its readers see the notice', { timeout: 240_000 }, () => {
    const content = path.join(work, 'content');
    cpSync('content', content, { recursive: true });
    const english = path.join(content, 'briefs', 'en', 'khatlon-first-year.mdx');
    writeFileSync(english, readFileSync(english, 'utf8').replace(/^## /m, 'A new first paragraph in English.\n\n## '));
    const rows = status({ CONTENT_ROOT: content });
    expect(rows.get('briefs/km/khatlon-first-year.mdx')).toBe('stale');
    expect([...rows.values()].filter((s) => s === 'stale')).toHaveLength(1);

    const out = path.join(work, 'site');
    const built = spawnSync(process.execPath, ['src/cli/build.ts'], { env: { ...process.env, CONTENT_ROOT: content, OUT_DIR: out, ASTRO_CACHE_DIR: path.join(work, 'cache') }, encoding: 'utf8' });
    expect(built.status, built.stdout.slice(-1500)).toBe(0);
    for (const [file, state] of rows) {
      const page = pageOf(file, out);
      if (!existsSync(page)) continue;
      expect(readFileSync(page, 'utf8').includes('data-stale-notice'), file).toBe(state === 'stale');
    }
  });
});
