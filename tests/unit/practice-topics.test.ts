/** The registry of practice areas and tags (data/practice-topics.csv): every printed spelling maps to one concept. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../src/lib/data/csv';
import { matchPracticeTopics, policyData, PracticeSchema, PracticeTopicSchema, printedAreas, printedTags, type PracticeTopic } from '../../src/lib/data/recommendations';
import { practiceFacetGroups, practiceFacets } from '../../src/lib/policy/view';
import { linkDomain, linkDomains } from '../../src/lib/policy/link-domain';

const dir = 'tests/fixtures/practice-topics';
const practices = loadCsv(path.resolve(dir, 'practices.csv'), PracticeSchema);
const load = (file: string) => loadCsv(path.resolve(dir, file), PracticeTopicSchema);
const files = (topics: string) => ({ practices: `${dir}/practices.csv`, topics: `${dir}/${topics}` });
const ids = (topics: PracticeTopic[]) => topics.map((t) => t.id);

describe('matchPracticeTopics', () => {
  const { byPractice, problems } = matchPracticeTopics(practices, load('practice-topics.csv'), files('practice-topics.csv'));

  it('maps printed variants of one concept to its id, once per practice', () => {
    expect(ids(byPractice.get('practice-a')!.area)).toEqual(['diaspora', 'remittances']);
    expect(ids(byPractice.get('practice-b')!.area)).toEqual(['diaspora']);
    expect(ids(byPractice.get('practice-a')!.tag)).toEqual(['migration-health', 'brain-drain-and-gain']);
    expect(ids(byPractice.get('practice-b')!.tag)).toEqual(['migration-health']);
  });

  it('names the file, row, column and value of a printed tag no entry lists, and what to do', () => {
    expect(problems).toEqual([
      'tests/fixtures/practice-topics/practices.csv row 3, column "tags": found "Diaspora engagment", which is not a printed spelling of any tag in tests/fixtures/practice-topics/practice-topics.csv. ' +
        'Add it to the "printed" column of the tag it means there (spellings are separated by " | "), or add a row with kind "tag" for a new one.',
    ]);
  });

  it('refuses a spelling listed under two entries of a kind, and an id used twice', () => {
    const found = matchPracticeTopics(practices, load('ambiguous.csv'), files('ambiguous.csv')).problems;
    expect(found).toContain('tests/fixtures/practice-topics/ambiguous.csv row 4, column "printed": "Remittances" is also listed on row 3 (remittances). A printed area must map to exactly one entry; keep it on one row.');
    expect(found).toContain('tests/fixtures/practice-topics/ambiguous.csv row 6, column "id": "migration-health" is already used for a tag on row 5. Ids must be unique within a kind.');
  });
});

describe('the published practices', () => {
  const { practices: rows, practiceTopics } = policyData();

  it('map every printed area and tag to exactly one concept', () => {
    // policyData() throws on an unmapped spelling; here, each printed value is listed by exactly one entry of its kind.
    for (const kind of ['area', 'tag'] as const) {
      const printed = new Set(rows.flatMap((p) => (kind === 'area' ? printedAreas(p) : printedTags(p))));
      for (const value of printed) expect(practiceTopics.filter((t) => t.kind === kind && t.printed.includes(value)), `${kind} "${value}"`).toHaveLength(1);
    }
  });

  it('merge 21 printed areas into 17 and 53 printed tags into 34, with a Khmer label for each', () => {
    const count = (kind: string) => new Set(rows.flatMap((p) => (kind === 'area' ? printedAreas(p) : printedTags(p)))).size;
    expect([count('area'), practiceTopics.filter((t) => t.kind === 'area').length]).toEqual([21, 17]);
    expect([count('tag'), practiceTopics.filter((t) => t.kind === 'tag').length]).toEqual([53, 34]);
    for (const t of practiceTopics) expect(t.label_km, t.id).toMatch(/[\u1780-\u17FF]/);
  });

  it('filter and label by concept: no two tag options share a label, in either language', () => {
    const diasporas = rows.filter((p) => practiceFacets(p).area.includes('diaspora')).map((p) => p.id);
    expect(diasporas).toEqual(rows.filter((p) => printedAreas(p).some((a) => a === 'Diaspora' || a === 'Diasporas')).map((p) => p.id));
    for (const lang of ['en', 'km']) {
      const groups = practiceFacetGroups(lang, (k) => k);
      for (const name of ['area', 'tag']) {
        const labels = groups.find((g) => g.name === name)!.options.map((o) => o.label.toLocaleLowerCase());
        expect(new Set(labels).size, `${lang} ${name}`).toBe(labels.length);
      }
    }
  });
});

describe('npm run check with a practice tag missing from the registry', () => {
  it('names the file, row and column and exits 1', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'practice-topics-'));
    cpSync('data', data, { recursive: true });
    const csv = path.join(data, 'practices.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(';Brain drain;', ';Brain drian;'));
    const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/check.ts'], { env: { ...process.env, DATA_ROOT: data }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${path.join(data, 'practices.csv')} row 8, column "tags": found "Brain drian", which is not a printed spelling of any tag in ${path.join(data, 'practice-topics.csv')}.`);
  });
});

describe('linkDomains', () => {
  it('shows a link by its host without "www."', () => {
    expect(linkDomain('http://www.iom.int/some/very/long/path?x=1')).toBe('iom.int');
    expect(linkDomain('http://balinkbayan.gov.ph')).toBe('balinkbayan.gov.ph');
    expect(linkDomain('www.mfa.gov.md/news')).toBe('mfa.gov.md');
  });
  it('numbers links that share a domain, and only those', () => {
    const links = linkDomains(['http://www.flickr.com/a', 'http://www.youtube.com/b', 'http://www.flickr.com/c']);
    expect(links.map((l) => [l.domain, l.n])).toEqual([
      ['flickr.com', 1],
      ['youtube.com', undefined],
      ['flickr.com', 2],
    ]);
  });
});
