/** A failed build never replaces a good site: the previous dist/ stays whole. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'atomic-build-'));
const content = path.join(work, 'content');
const out = path.join(work, 'site');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build() {
  return spawnSync(process.execPath, ['src/cli/build.ts'], {
    env: { ...process.env, CONTENT_ROOT: content, OUT_DIR: out, ASTRO_CACHE_DIR: path.join(work, 'cache') },
    encoding: 'utf8',
  });
}

function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).sort((a, b) => path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)))) {
    const file = path.join(entry.parentPath, entry.name);
    hash.update(path.relative(dir, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

describe('npm run build', () => {
  it('replaces the site only after a complete build, and leaves it whole when a build fails', { timeout: 240_000 }, () => {
    cpSync('content', content, { recursive: true });
    const first = build();
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const before = fingerprint(out);

    // A broken frontmatter field: the build must fail, name the file and field, and keep the site.
    const file = path.join(content, 'reports', 'en', 'khatlon.mdx');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^themes: \[[\w-]+/m, 'themes: [no-such-theme'));
    const second = build();
    expect(second.status).not.toBe(0);
    expect(second.stdout + second.stderr).toMatch(/khatlon\.mdx:\d+: themes\.0: unknown theme "no-such-theme"/);
    expect(fingerprint(out)).toBe(before);

    // A failure late in the build (a broken link found after every page was written) keeps it too.
    writeFileSync(file, original);
    appendFileSync(path.join(content, 'briefs', 'en', 'khatlon-first-year.mdx'), '\n[gone](/en/reports/gone/)\n');
    const third = build();
    expect(third.status).not.toBe(0);
    expect(fingerprint(out)).toBe(before);
    expect(readdirSync(work).filter((n) => n.includes('staging'))).toEqual([]);
  });
});
