/**
 * The translation review workflow (npm run i18n:review): cutting MDX into blocks, pairing an original with its
 * translation, comparing figures, marking glossary terms, the HTML view's escaping, the review record and its
 * staleness, the schema's rules for a reviewed translation, and the command itself on a copy of the fixtures.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { align, pairSections, parseBlocks, sections } from '../../src/lib/i18n/review-blocks';
import { compareFigures, figuresOf } from '../../src/lib/i18n/review-figures';
import { markEnglish, markKhmer, segments, termsMissing } from '../../src/lib/i18n/review-terms';
import { buildReview } from '../../src/lib/i18n/review-model';
import { esc, renderReviewPage } from '../../src/lib/i18n/review-html';
import { applyReviewRecord, describeReview, reviewerProblem, reviewState } from '../../src/lib/i18n/review-record';
import { reviewStatus, staleReviewWarnings } from '../../src/lib/i18n/translation-status';
import { createTranslator } from '../../src/lib/i18n/translate';
import { loadGlossary } from '../../src/lib/check/glossary';
import { makeEntrySchema, makePageSchema } from '../../src/lib/content/schema';
import type { ZodType } from 'zod';

const FIXTURE = 'tests/fixtures/review/content';
const glossary = loadGlossary('data').entries;
const read = (f: string) => readFileSync(path.join(FIXTURE, f), 'utf8');

describe('blocks', () => {
  const body = [
    '## Budget',
    '',
    'First paragraph,',
    'continued on a second line.',
    '',
    '- an item',
    '  - a nested item',
    '',
    '| Agency | Amount |',
    '|---|---|',
    '| FAO | USD 600,000 |',
    '',
    '<Chart id="khatlon-budget" />',
    '',
    '<Notes>',
    '',
    'Say this aloud.',
    '',
    '</Notes>',
    '',
    '### Detail',
  ].join('\n');

  it('cuts headings, paragraphs, items, table rows (not the rule), components and notes, each at its line', () => {
    const blocks = parseBlocks(body, 10);
    expect(blocks.map((b) => [b.kind, b.line, b.depth ?? null, !!b.notes])).toEqual([
      ['heading', 10, 2, false],
      ['paragraph', 12, null, false],
      ['item', 15, 0, false],
      ['item', 16, 1, false],
      ['row', 18, null, false],
      ['row', 20, null, false],
      ['component', 22, null, false],
      ['paragraph', 26, null, true],
      ['heading', 30, 3, false],
    ]);
    expect(blocks[1].text).toBe('First paragraph,\ncontinued on a second line.');
  });

  it('groups blocks by heading', () => {
    const s = sections(parseBlocks(body));
    expect(s.map((x) => [x.heading?.text, x.blocks.length])).toEqual([
      ['Budget', 7],
      ['Detail', 0],
    ]);
  });
});

describe('pairing', () => {
  it('aligns with gaps where items cannot pair, instead of shifting', () => {
    const same = (a: string, b: string) => (a[0] === b[0] ? 1 : null);
    expect(align(['a1', 'b1', 'c1'], ['a2', 'c2'], same)).toEqual([
      ['a1', 'a2'],
      ['b1', undefined],
      ['c1', 'c2'],
    ]);
  });

  it('leaves a paragraph the translation dropped unpaired, and pairs the next one by its citation', () => {
    const en = parseBlocks(['## A', '', 'One <Cite source="x" at="S1" />.', '', 'Two <Cite source="x" at="S2" />.', '', 'Three <Cite source="x" at="S3" />.'].join('\n'));
    const km = parseBlocks(['## ក', '', 'មួយ <Cite source="x" at="S1" />។', '', 'បី <Cite source="x" at="S3" />។'].join('\n'));
    const [section] = pairSections(sections(en), sections(km));
    expect(section.pairs.map(([a, b]) => [a?.text.slice(0, 3) ?? null, b?.text.slice(0, 3) ?? null])).toEqual([
      ['One', 'មួយ'],
      ['Two', null],
      ['Thr', 'បី '],
    ]);
  });

  it('keeps a section only one side has, on its own, and pairs the others by level and citations', () => {
    const en = sections(parseBlocks(['## A', '', 'a <Cite source="x" at="A" />', '', '## B', '', 'b <Cite source="x" at="B" />', '', '## C', '', 'c <Cite source="x" at="C" />'].join('\n')));
    const km = sections(parseBlocks(['## ក', '', 'ក <Cite source="x" at="A" />', '', '## គ', '', 'គ <Cite source="x" at="C" />'].join('\n')));
    expect(pairSections(en, km).map((s) => [s.en?.heading?.text ?? null, s.km?.heading?.text ?? null])).toEqual([
      ['A', 'ក'],
      ['B', null],
      ['C', 'គ'],
    ]);
  });
});

describe('figures', () => {
  it('reads digits, Khmer digits and thousands separators alike, and leaves out citation locators', () => {
    expect(figuresOf('USD 2,200,000 and ១៧៦២ <Cite source="miccaf" at="Section 4.2, Table 3" /> in 2021; 36.6%')).toEqual(['2200000', '1762', '2021', '36.6']);
  });

  it('lists a number found more often on one side, with both counts', () => {
    expect(compareFigures('30 people in 2021 and 2021', 'មនុស្ស 31 នាក់ ក្នុងឆ្នាំ 2021')).toEqual([
      { value: '30', original: 1, translation: 0 },
      { value: '2021', original: 2, translation: 1 },
      { value: '31', original: 0, translation: 1 },
    ]);
    expect(compareFigures('USD 1,762', 'USD 1762')).toEqual([]);
  });
});

describe('glossary marks', () => {
  it('marks English terms, plurals and acronyms, the longest first', () => {
    const text = 'Caregivers in migrant households, and IOM staff.';
    const marks = markEnglish(text, glossary).map((m) => [text.slice(m.start, m.end), m.id]);
    expect(marks).toEqual([
      ['Caregivers', 'caregiver'],
      ['migrant households', 'migrant-household'],
      ['IOM', 'iom'],
    ]);
  });

  it('marks Khmer terms, and an avoided variant as avoided rather than as the shorter term inside it', () => {
    const text = 'អ្នកថែទាំ និងគ្រួសារទេសន្តប្រវេសន៍';
    const marks = markKhmer(text, glossary).map((m) => [text.slice(m.start, m.end), m.kind, m.id]);
    expect(marks).toEqual([
      ['អ្នកថែទាំ', 'term', 'caregiver'],
      ['គ្រួសារទេសន្តប្រវេសន៍', 'avoid', 'migrant-household'],
    ]);
  });

  it('lists a term the English uses that the Khmer lacks', () => {
    expect(termsMissing(markEnglish('the caregiver and remittances', glossary), markKhmer('អ្នកថែទាំ', glossary))).toEqual(['remittances']);
  });

  it('cuts text into runs that add up to it, with tags apart', () => {
    const text = 'A caregiver <Cite source="x" at="S" /> here.';
    const segs = segments(text, markEnglish(text, glossary));
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => s.kind)).toEqual(['text', 'term', 'text', 'tag', 'text']);
  });
});

describe('the review of the draft fixture', () => {
  const model = buildReview({ file: 'en/draft.mdx', lang: 'en', source: read('reports/en/draft.mdx') }, { file: 'km/draft.mdx', lang: 'km', source: read('reports/km/draft.mdx') }, glossary);
  const all = model.sections.flatMap((s) => s.pairs);

  it('pairs title and summary, flags the dropped paragraph, the changed figure and the avoided variant', () => {
    expect(model.sections[0].pairs.map((p) => p.original?.block.field)).toEqual(['title', 'summary']);
    expect(model.totals).toMatchObject({ unpaired: 1, figureDifferences: 1, avoided: 1 });
    expect(model.sections[1].mismatch).toBe(true);
    const dropped = all.find((p) => !p.translation)!;
    expect(dropped.original!.block.line).toBe(15);
    const changed = all.find((p) => p.differences.length)!;
    expect(changed.differences).toEqual([
      { value: '30', original: 1, translation: 0 },
      { value: '31', original: 0, translation: 1 },
    ]);
    expect(all.flatMap((p) => p.avoided)).toEqual([{ id: 'migrant-household', found: 'គ្រួសារទេសន្តប្រវេសន៍' }]);
  });

  it('renders escaped text: markup in a file stays text', () => {
    const hostile = read('reports/km/draft.mdx').replace('ក្នុងមួយឆ្នាំ។', 'ក្នុងមួយឆ្នាំ <script>alert(1)</script> <img src=x onerror=alert(1)>។');
    const m = buildReview({ file: 'en/draft.mdx', lang: 'en', source: read('reports/en/draft.mdx') }, { file: 'km/"draft".mdx', lang: 'km', source: hostile }, glossary);
    const en = JSON.parse(readFileSync('src/config/ui/en.json', 'utf8'));
    const html = renderReviewPage({
      model: m,
      uiLang: 'en',
      t: createTranslator('en', en),
      languageName: (c) => c,
      formatDate: (d) => d,
      glossary,
      status: { translation: 'machine', freshness: 'current' },
      recordCommand: 'npm run i18n:review -- x --record --reviewer "Full Name"',
      generatedOn: '2026-11-30',
    });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;</span>alert(1)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('km/&quot;draft&quot;.mdx');
    expect(html).toContain('This block has no counterpart in the translation.');
    expect(html).toContain('<mark class="avoid"');
    expect(esc(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });
});

describe('the review record', () => {
  it('refuses a missing, empty or letterless reviewer name', () => {
    expect(reviewerProblem(undefined)).toMatch(/--reviewer "Full Name"/);
    expect(reviewerProblem('   ')).toMatch(/--reviewer "Full Name"/);
    expect(reviewerProblem('123')).toMatch(/not a name/);
    expect(reviewerProblem('Sok "Dara"')).toMatch(/quotation marks/);
    expect(reviewerProblem('Sok Dara')).toBeUndefined();
    expect(reviewerProblem('សុខ ដារា')).toBeUndefined();
    expect(() => applyReviewRecord(read('reports/km/draft.mdx'), { by: '', on: '2026-11-30', hash: 'fa3a90985064' })).toThrow(/Full Name/);
  });

  it('sets the status, the reviewer, the day and the hashes, and leaves every other line as it was', () => {
    const before = read('reports/km/draft.mdx');
    const after = applyReviewRecord(before, { by: ' Sok Dara ', on: '2026-11-30', hash: '0123456789ab' });
    const fm = after.split('---')[1];
    expect(fm).toMatch(/^translation: reviewed$/m);
    expect(fm).toMatch(/^reviewedBy: "Sok Dara"$/m);
    expect(fm).toMatch(/^reviewedOn: 2026-11-30$/m);
    expect(fm).toMatch(/^reviewedHash: "0123456789ab"$/m);
    expect(fm).toMatch(/^sourceHash: "0123456789ab"$/m);
    expect(fm.match(/^sourceHash:/gm)).toHaveLength(1);
    const unchanged = (s: string) => s.split('\n').filter((l) => !/^(translation|reviewed\w+|sourceHash):/.test(l));
    expect(unchanged(after)).toEqual(unchanged(before));
    // Recording again replaces the record instead of adding a second one.
    const again = applyReviewRecord(after, { by: 'Chan Sophea', on: '2026-12-01', hash: '0123456789ab' });
    expect(again.match(/^reviewedBy:/gm)).toHaveLength(1);
    expect(again).toMatch(/^reviewedBy: "Chan Sophea"$/m);
  });

  it('is current while the English matches, stale once it changed', () => {
    const rows = reviewStatus(FIXTURE, 'en');
    const state = Object.fromEntries(rows.map((r) => [path.basename(r.file), r.state]));
    expect(state).toEqual({ 'current.mdx': 'current', 'stale.mdx': 'stale' });
    const stale = rows.find((r) => r.state === 'stale')!;
    expect(describeReview(stale.record, stale.state)).toBe('reviewed on 2026-11-30 by Fixture Reviewer, English changed since');
    expect(reviewState('283c3250c7d7', { translation: 'machine', reviewedBy: 'X' })).toBe('none');
  });

  it('makes npm run check warn, not fail, for a stale review, naming the file', () => {
    const warnings = staleReviewWarnings(FIXTURE, 'en');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].severity).toBe('warning');
    expect(warnings[0].where).toBe(`${path.join(FIXTURE, 'reports/km/stale.mdx')}:1`);
    expect(warnings[0].message).toMatch(/English changed since/);
  });
});

describe('frontmatter of a reviewed translation', () => {
  const schema = makeEntrySchema({ themes: ['migration'], countries: ['cambodia'], sources: ['miccaf'] });
  const base = { title: 'T', summary: 'S', date: '2026-11-23', country: 'cambodia', themes: ['migration'], source: 'miccaf' };
  const issues = (data: unknown, s: ZodType = schema) => {
    const r = s.safeParse(data);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const record = { reviewedBy: 'Sok Dara', reviewedOn: '2026-11-30', reviewedHash: '0123456789ab' };

  it('accepts a review with its reviewer, day and hash', () => {
    expect(issues({ ...base, translation: 'reviewed', ...record })).toEqual([]);
    expect(issues({ title: 'T', summary: 'S', date: '2026-11-23', translation: 'reviewed', ...record }, makePageSchema())).toEqual([]);
  });

  it('refuses "reviewed" without a reviewer or a day, naming the field', () => {
    const found = issues({ ...base, translation: 'reviewed' });
    expect(found.map((f) => f.split(':')[0])).toEqual(['reviewedBy', 'reviewedOn', 'reviewedHash']);
    expect(found[0]).toMatch(/no reviewer is named/);
    expect(issues({ ...base, translation: 'reviewed', ...record, reviewedBy: '  ' })[0]).toMatch(/^reviewedBy: /);
  });

  it('refuses a review record on a translation not marked reviewed', () => {
    expect(issues({ ...base, translation: 'machine', ...record }).map((f) => f.split(':')[0])).toEqual(['reviewedBy', 'reviewedOn', 'reviewedHash']);
  });
});

describe('npm run i18n:review on a copy of the fixtures', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'review-'));
  const content = path.join(work, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/i18n-review.ts', ...args], { env: { ...process.env, CONTENT_ROOT: content }, encoding: 'utf8' });
  const draft = path.join(content, 'reports/km/draft.mdx');

  it('writes the view and prints its path and what it found', () => {
    const out = path.join(work, 'view.html');
    const r = run('reports/draft', '--out', out, '--lang', 'km');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 block(s) without a counterpart, 1 pair(s) whose figures differ, 1 avoided glossary variant(s)');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="km">/);
    expect(html).toContain('ការត្រួតពិនិត្យការបកប្រែ');
  });

  it('refuses to record without a name, and while an avoided variant remains; records with one', () => {
    const before = readFileSync(draft, 'utf8');
    const noName = run(draft, '--record');
    expect(noName.status).toBe(1);
    expect(noName.stderr).toMatch(/not recorded: name the person who reviewed/);
    const variant = run(draft, '--record', '--reviewer', 'Sok Dara');
    expect(variant.status).toBe(1);
    expect(variant.stderr).toMatch(/variant\(s\) the glossary avoids/);
    expect(readFileSync(draft, 'utf8')).toBe(before);

    writeFileSync(draft, before.replace('| គ្រួសារទេសន្តប្រវេសន៍ |', '| គ្រួសារមានសមាជិកធ្វើទេសន្តប្រវេសន៍ |'));
    const ok = run(draft, '--record', '--reviewer', 'Sok Dara');
    expect(ok.status, ok.stderr).toBe(0);
    const after = readFileSync(draft, 'utf8');
    expect(after).toMatch(/^translation: reviewed$/m);
    expect(after).toMatch(/^reviewedBy: "Sok Dara"$/m);
    expect(after).toMatch(/^reviewedHash: "fa3a90985064"$/m);
    expect(reviewStatus(content, 'en').find((r) => r.file.endsWith('draft.mdx'))?.state).toBe('current');
  });
});
