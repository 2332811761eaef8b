/**
 * What a rebuild may reuse: the page cache keys of Astro's incremental build (page-cache-key.ts) and the kept
 * search index (kept-index.ts). Each key must change with every input it stands for, and only with them.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashTree, inputsDigest, pageCacheKey } from '../../src/lib/build/page-cache-key';
import { INDEX_INPUTS, indexKey, keepIndex, pageDigest, reuseIndex } from '../../src/lib/search/kept-index';

const work = mkdtempSync(path.join(tmpdir(), 'incremental-keys-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('page cache keys', () => {
  const config = path.join(work, 'config');
  const data = path.join(work, 'data');
  const lock = path.join(work, 'package-lock.json');
  write(path.join(config, 'site.json'), '{"title":"Site"}');
  write(path.join(config, 'ui', 'km.json'), '{"a":"ក"}');
  write(path.join(data, 'findings', 'income.csv'), 'group,value\nmigrant,1762\n');
  write(lock, '{"lockfileVersion":3}');
  const entries = [
    { id: 'en/miccaf', collection: 'reports', data: { title: 'MICCAF', date: new Date('2019-06-01') } },
    { id: 'km/miccaf', collection: 'reports', data: { title: 'មីកាហ្វ' } },
  ];
  const digest = (over: { config?: unknown; entries?: typeof entries } = {}) => inputsDigest(over.config ?? { url: 'https://x.org' }, config, data, lock, over.entries ?? entries);

  it('are the same for the same inputs, whatever order the entries come in', () => {
    expect(digest()).toBe(digest({ entries: [...entries].reverse() }));
    expect(pageCacheKey(digest(), 'a')).toBe(pageCacheKey(digest(), 'a'));
  });

  it("change with a data file, a config or dictionary file, the lockfile, any entry's frontmatter, the resolved config and the page's own part", () => {
    const before = digest();
    const changes: [string, () => void, () => void][] = [
      ['data', () => write(path.join(data, 'findings', 'income.csv'), 'group,value\nmigrant,1763\n'), () => write(path.join(data, 'findings', 'income.csv'), 'group,value\nmigrant,1762\n')],
      ['new data file', () => write(path.join(data, 'notes.md'), 'x'), () => rmSync(path.join(data, 'notes.md'))],
      ['dictionary', () => write(path.join(config, 'ui', 'km.json'), '{"a":"ខ"}'), () => write(path.join(config, 'ui', 'km.json'), '{"a":"ក"}')],
      ['lockfile', () => write(lock, '{"lockfileVersion":4}'), () => write(lock, '{"lockfileVersion":3}')],
    ];
    for (const [what, change, undo] of changes) {
      change();
      expect(digest(), what).not.toBe(before);
      undo();
      expect(digest(), `${what} undone`).toBe(before);
    }
    expect(digest({ entries: [entries[0], { ...entries[1], data: { title: 'មីកាហ្វ ២' } }] })).not.toBe(before);
    expect(digest({ entries: [entries[0]] })).not.toBe(before);
    expect(digest({ config: { url: 'https://y.org' } })).not.toBe(before);
    expect(pageCacheKey(before, 'digest-1')).not.toBe(pageCacheKey(before, 'digest-2'));
  });

  it('hash file names as well as contents', () => {
    const a = path.join(work, 'tree-a');
    const b = path.join(work, 'tree-b');
    write(path.join(a, 'one.csv'), 'x');
    write(path.join(b, 'two.csv'), 'x');
    const of = (dir: string) => {
      const hash = createHash('sha256');
      hashTree(hash, dir);
      return hash.digest('hex');
    };
    expect(of(a)).not.toBe(of(b));
    expect(of(path.join(work, 'no-such-folder'))).not.toBe(of(a));
  });
});

describe('kept search index', () => {
  const pages = new Map([
    ['/en/', pageDigest('<html>home</html>')],
    ['/km/', pageDigest('<html>ទំព័រដើម</html>')],
  ]);

  it('has a key that changes with any page, its address, or what else the index holds', () => {
    const key = indexKey(pages, { records: [] });
    expect(indexKey(new Map([...pages].reverse()), { records: [] })).toBe(key);
    expect(indexKey(new Map([...pages, ['/km/', pageDigest('<html>ទំព័រដើម!</html>')]]), { records: [] })).not.toBe(key);
    expect(indexKey(new Map([['/en/x/', pages.get('/en/')!], ['/km/', pages.get('/km/')!]]), { records: [] })).not.toBe(key);
    expect(indexKey(pages, { records: [{ url: '/en/recommendations/#r1' }] })).not.toBe(key);
  });

  it('has a key that changes with the code that makes the index', () => {
    const root = path.join(work, 'code');
    for (const file of INDEX_INPUTS) write(path.join(root, file), existsSync(file) ? readFileSync(file, 'utf8') : '');
    const key = indexKey(pages, {}, root);
    write(path.join(root, 'src/lib/search/segmentation.ts'), '// changed');
    expect(indexKey(pages, {}, root)).not.toBe(key);
    expect(INDEX_INPUTS).toEqual(expect.arrayContaining(['src/integrations/pagefind-worker.mjs', 'package-lock.json']));
  });

  it('is copied into a build whose key matches, with its summary, and not into one whose key differs', async () => {
    const written = path.join(work, 'site-1', 'pagefind');
    write(path.join(written, 'pagefind-entry.json'), '{"languages":{}}');
    write(path.join(written, 'fragment', 'en_1.pf_fragment'), 'fragment');
    const kept = path.join(work, 'cache', 'search-index');
    await keepIndex(written, kept, 'key-1', { pages: 2, records: 0, skipped: [], vocabulary: {} });

    const next = path.join(work, 'site-2', 'pagefind');
    expect(await reuseIndex(kept, 'key-2', next)).toBeUndefined();
    expect(existsSync(next)).toBe(false);
    expect(await reuseIndex(kept, 'key-1', next)).toEqual({ pages: 2, records: 0, skipped: [], vocabulary: {} });
    expect(readdirSync(next, { recursive: true }).sort()).toEqual(['fragment', path.join('fragment', 'en_1.pf_fragment'), 'pagefind-entry.json']);
    expect(readFileSync(path.join(next, 'fragment', 'en_1.pf_fragment'), 'utf8')).toBe('fragment');

    // A later index replaces the kept one; a copy cut short (no key written) is never used.
    await keepIndex(written, kept, 'key-3', { pages: 3 });
    expect(await reuseIndex(kept, 'key-1', path.join(work, 'site-3', 'pagefind'))).toBeUndefined();
    const cut = path.join(work, 'cache', 'cut');
    cpSync(kept, cut, { recursive: true });
    rmSync(path.join(cut, '.key'));
    expect(await reuseIndex(cut, 'key-3', path.join(work, 'site-4', 'pagefind'))).toBeUndefined();
  });
});
