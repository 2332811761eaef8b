/**
 * A rebuild reuses what has not changed: reports, briefs and slides are copied from the last build (Astro's
 * incremental build with the keys of page-cache-key.ts), unchanged share cards are not laid out or drawn
 * again, and an unchanged search index is copied. What it makes must be what a cold build makes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'incremental-build-'));
const content = path.join(work, 'content');
const data = path.join(work, 'data');
// Inside the project (see atomic-build.spec.ts).
const out = path.resolve(`dist-incremental-${process.pid}`);
const cold = path.resolve(`dist-incremental-cold-${process.pid}`);
afterAll(() => [work, out, cold].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function build(outDir: string, cache: string): string {
  const run = spawnSync(process.execPath, ['src/cli/build.ts'], {
    env: { ...process.env, CONTENT_ROOT: content, DATA_ROOT: data, OUT_DIR: outDir, ASTRO_CACHE_DIR: path.join(work, cache) },
    encoding: 'utf8',
  });
  expect(run.status, run.stdout.slice(-3000) + run.stderr.slice(-3000)).toBe(0);
  // Without colours: under CI=true the log is coloured, and the codes sit between a path and "(restored)".
  return stripVTControlCharacters(run.stdout);
}

/** Each file's digest by its path; the search index's files are left out when `search` is false. */
function files(dir: string, search = true): Record<string, string> {
  const all: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!search && file.startsWith('pagefind')) continue;
    all[file] = createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');
  }
  return all;
}
const restored = (log: string) => [...log.matchAll(/├─ (\S+) \((?:restored|cached)\)/g)].map((m) => m[1]);
const indexed = (dir: string) => readdirSync(path.join(dir, 'pagefind', 'fragment')).map((f) => gunzipSync(readFileSync(path.join(dir, 'pagefind', 'fragment', f))).toString('utf8')).join('\n');

describe('a rebuild', () => {
  it('copies unchanged pages and the unchanged index, re-renders an edited report and its other language, and makes what a cold build makes', { timeout: 300_000 }, () => {
    cpSync('content', content, { recursive: true });
    cpSync('data', data, { recursive: true });
    build(out, 'cache');
    const first = files(out);

    // The content store (bundled into the build and parsed again as pages render) keeps each entry's data,
    // not its text: a report's title is there, a sentence of its body is not.
    const store = readFileSync(path.join(work, 'cache', 'data-store.json'), 'utf8');
    const english = readFileSync(path.join(content, 'reports', 'en', 'miccaf.mdx'), 'utf8');
    const sentence = english.split(/^---$/m)[2].split('\n').find((line) => /^[A-Z][a-z]+ [a-z]+ [a-z]+/.test(line))!.slice(0, 60);
    expect(sentence.length).toBe(60);
    expect(store).toContain(JSON.stringify(/^title: "(.*)"$/m.exec(english)![1]));
    expect(store).not.toContain(sentence);

    // Nothing changed: every report, brief and slide page comes from the last build, and so does the index.
    const again = build(out, 'cache');
    expect(restored(again)).toEqual(expect.arrayContaining(['/en/reports/miccaf/index.html', '/km/briefs/khatlon-first-year/present/index.html']));
    expect(again).toContain("nothing changed: the last build's index");
    expect(files(out)).toEqual(first);

    // A section added to the Khmer MICCAF report: that report and its English version (whose language switch
    // compares the two outlines, which now differ) are rendered again; the index is written again.
    const report = path.join(content, 'reports', 'km', 'miccaf.mdx');
    appendFileSync(report, '\n## ផ្នែកសាកល្បង\n\nប្រយោគសាកល្បងថ្មីមួយ។\n');
    const edited = build(out, 'cache');
    expect(restored(edited)).not.toContain('/km/reports/miccaf/index.html');
    expect(restored(edited)).not.toContain('/en/reports/miccaf/index.html');
    expect(restored(edited)).toContain('/en/reports/khatlon/index.html');
    expect(edited).not.toContain("nothing changed: the last build's index");
    expect(readFileSync(path.join(out, 'km', 'reports', 'miccaf', 'index.html'), 'utf8')).toContain('ប្រយោគសាកល្បងថ្មីមួយ');
    expect(indexed(out)).toContain('ប្រយោគ');

    // The same content built cold, with an empty cache: the same pages and files. (The index holds the same
    // pages, but Pagefind names its files by the order pages reached it, which differs.)
    build(cold, 'cold-cache');
    const [rebuilt, fresh] = [files(out, false), files(cold, false)];
    expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(fresh).sort());
    expect(Object.keys(rebuilt).filter((file) => rebuilt[file] !== fresh[file])).toEqual([]);
    expect(readFileSync(path.join(out, 'pagefind', 'cards-km.json'), 'utf8').length).toBe(readFileSync(path.join(cold, 'pagefind', 'cards-km.json'), 'utf8').length);

    // A data file changed: every page may show it, so none is copied.
    writeFileSync(path.join(data, 'README.md'), `${readFileSync(path.join(data, 'README.md'), 'utf8')}\nEdited.\n`);
    expect(restored(build(out, 'cache'))).toEqual([]);
  });
});
