/** A failed build never replaces a good site: the previous dist/ stays whole. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'atomic-build-'));
const content = path.join(work, 'content');
// Inside the project: for an output folder elsewhere Astro keeps its prerender bundle in the shared .astro/,
// where another build running at the same time would delete it.
const out = path.resolve(`dist-atomic-${process.pid}`);
const leftovers = () => readdirSync(path.dirname(out)).filter((n) => n.startsWith(`${path.basename(out)}.`));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  for (const dir of [out, ...leftovers().map((n) => path.join(path.dirname(out), n))]) rmSync(dir, { recursive: true, force: true });
});

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
    expect(leftovers()).toEqual([]);
  });

  it('keeps the last good site whole when a build is killed in the middle (as by the out-of-memory killer)', { timeout: 400_000 }, async () => {
    rmSync(content, { recursive: true, force: true });
    cpSync('content', content, { recursive: true });
    const before = fingerprint(out);
    // The build and its Astro process in a process group of their own, killed together with SIGKILL
    // once pages are being written: nothing of the build gets to clean up.
    const child = spawn(process.execPath, ['src/cli/build.ts'], {
      env: { ...process.env, CONTENT_ROOT: content, OUT_DIR: out, ASTRO_CACHE_DIR: path.join(work, 'cache') },
      stdio: 'ignore',
      detached: true,
    });
    const staging = `${out}.staging-${child.pid}`;
    const pagesWritten = () => existsSync(staging) && readdirSync(staging, { recursive: true }).some((f) => String(f).endsWith('index.html'));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let done = false;
    void exited.then(() => (done = true));
    while (!pagesWritten() && !done) await new Promise((r) => setTimeout(r, 100));
    expect(done, 'the build ended before any page was written').toBe(false);
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    expect(fingerprint(out)).toBe(before);
    expect(leftovers()).toEqual([path.basename(staging)]);

    // The next build removes what the killed one left, and its site replaces the old one.
    const next = build();
    expect(next.status, next.stderr + next.stdout).toBe(0);
    expect(leftovers()).toEqual([]);
    expect(existsSync(path.join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});
