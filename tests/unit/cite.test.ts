/**
 * Citation downloads parsed back by independent parsers: BibTeX by @retorquere/bibtex-parser (the parser of
 * Zotero's Better BibTeX) and by citation-js, RIS by citation-js, CSL-JSON against the official CSL schema.
 * Every field a reference manager keeps must come back: title, authors, date, publisher, URL, language, type,
 * abstract and note, Khmer text unchanged and TeX's special characters intact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import * as bibtexParser from '@retorquere/bibtex-parser';
import { pageCitation, sourceAuthors, sourceCitation, toCslJson, type CslItem } from '../../src/lib/cite/csl';
import { escapeBibtex, toBibtex } from '../../src/lib/cite/bibtex';
import { toRis } from '../../src/lib/cite/ris';
import { jsonLdText } from '../../src/lib/cite/jsonld';
import { inlineScriptHashes } from '../../src/lib/quality/security';
import { registries } from '../../src/lib/data/registries';

const cslSchema = JSON.parse(readFileSync('tests/fixtures/schemas/csl-data.json', 'utf8'));
const validateCsl = new Ajv({ strict: false, allErrors: true }).compile(cslSchema);

const SPECIALS = 'Costs & 50% of {USD} #1 $2 a_b ~c ^d \\e';
const khmerPage = pageCitation({
  kind: 'report',
  slug: 'miccaf',
  lang: 'km',
  contentLang: 'km',
  title: `ទេសន្តប្រវេសន៍ និងផលប៉ះពាល់លើកុមារ (MICCAF)៖ ${SPECIALS}`,
  summary: 'សេចក្តីសង្ខេប​ជាភាសាខ្មែរ\nលើពីរបន្ទាត់។',
  date: new Date('2026-11-23T00:00:00Z'),
  url: 'https://example.org/research/km/reports/miccaf/',
  organisation: 'គម្រោងភស្តុតាងទេសន្តប្រវេសន៍',
  genre: 'របាយការណ៍',
  source: { title: 'Migration and its Impact', organisation: 'IOM' },
  basedOn: 'ផ្អែកលើ៖ Migration and its Impact (IOM)',
});
const sources = registries().sources.map(sourceCitation);
const items: CslItem[] = [khmerPage, ...sources];

/** What a reference manager should end up with, from our CSL item. */
function expected(item: CslItem) {
  return {
    title: item.title,
    authors: (item.author ?? []).map((a) => a.literal),
    date: item.issued?.['date-parts'][0],
    publisher: item.publisher,
    URL: item.URL,
    language: item.language,
    abstract: item.abstract?.replace(/\s*\n\s*/g, ' '),
    note: item.note,
    type: item.type,
  };
}

describe('CSL items', () => {
  it('are valid CSL-JSON by the official schema', () => {
    for (const item of items) {
      const data = JSON.parse(toCslJson(item));
      expect(validateCsl(data), `${item.id}: ${JSON.stringify(validateCsl.errors)}`).toBe(true);
    }
  });
  it('the schema check can fail (a wrong type is refused)', () => {
    expect(validateCsl([{ id: 'x', type: 'not-a-type', title: 'x' }])).toBe(false);
  });
  it('invent nothing: undated, publisher-less sources get no date and no publisher, and no source gets a URL', () => {
    const fp = sources.find((s) => s.id === 'source-family-package')!;
    expect(fp.issued).toBeUndefined();
    expect(fp.publisher).toBeUndefined();
    expect(fp.type).toBe('chapter');
    expect(sources.every((s) => s.URL === undefined)).toBe(true);
    expect(sources.find((s) => s.id === 'source-miccaf')!.issued).toEqual({ 'date-parts': [[2019]] });
  });
  it('keep an organisation whole and list personal authors one by one', () => {
    expect(sourceAuthors({ organisation: 'IOM, FAO, UNICEF and UN Women (Migration Multi-Partner Trust Fund)', publisher_en: 'IOM' })).toHaveLength(1);
    expect(sourceAuthors({ organisation: 'Chan Narith, Sreng Sophornreaksmey and Erna Ribar', publisher_en: '' }).map((a) => a.literal)).toEqual([
      'Chan Narith',
      'Sreng Sophornreaksmey',
      'Erna Ribar',
    ]);
  });
});

describe('BibTeX', () => {
  it('escapes every TeX special character', () => {
    expect(escapeBibtex(SPECIALS)).toBe('Costs \\& 50\\% of \\{USD\\} \\#1 \\$2 a\\_b \\textasciitilde{}c \\textasciicircum{}d \\textbackslash{}e');
  });
  it.each(items.map((i) => [i.id, i] as const))('%s parses back whole with @retorquere/bibtex-parser', (_id, item) => {
    const want = expected(item);
    // Better BibTeX sentence-cases English titles on import by design (Zotero keeps titles in sentence case); the test
    // compares the text itself.
    const parsed = bibtexParser.parse(toBibtex(item), { sentenceCase: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(1);
    const f = parsed.entries[0].fields as Record<string, unknown>;
    expect(parsed.entries[0].type).toBe(item.type === 'chapter' ? 'incollection' : 'techreport');
    expect(f.title).toBe(want.title);
    expect((f.author as { name?: string; lastName?: string }[]).map((a) => a.name ?? a.lastName)).toEqual(want.authors);
    if (want.date) expect(f.date).toBe(want.date.map((p, i) => (i ? String(p).padStart(2, '0') : String(p))).join('-'));
    else expect(f.date).toBeUndefined();
    expect(item.type === 'chapter' ? (f.publisher as string[] | undefined)?.[0] : (f.institution as string[] | undefined)?.[0]).toBe(want.publisher);
    expect(f.url).toBe(want.URL);
    expect(f.language).toBe(want.language);
    expect(f.abstract).toBe(want.abstract);
    expect(f.note).toBe(want.note);
  });
  it.each(items.map((i) => [i.id, i] as const))('%s parses back whole with citation-js', (_id, item) => {
    const want = expected(item);
    const [got] = new Cite(toBibtex(item)).data as Record<string, unknown>[];
    expect(got.type).toBe(item.type);
    expect(got.title).toBe(want.title);
    expect((got.author as { family?: string; literal?: string }[]).map((a) => a.literal ?? a.family)).toEqual(want.authors);
    expect((got.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]).toEqual(want.date);
    expect(got.publisher).toBe(want.publisher);
    expect(got.URL).toBe(want.URL);
    expect(got.language).toBe(want.language);
    expect(got.abstract).toBe(want.abstract);
    if (item.genre) expect(got.genre).toBe(item.genre);
  });
});

describe('RIS', () => {
  it('uses CRLF line ends and closes with ER', () => {
    const ris = toRis(khmerPage);
    expect(ris.startsWith('TY  - RPRT\r\n')).toBe(true);
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
    expect(ris.split('\r\n').slice(0, -1).every((l) => /^[A-Z][A-Z0-9]  - /.test(l))).toBe(true);
  });
  it.each(items.map((i) => [i.id, i] as const))('%s parses back whole with citation-js', (_id, item) => {
    const want = expected(item);
    const [got] = new Cite(toRis(item), { forceType: '@ris/file' }).data as Record<string, unknown>[];
    expect(got.type).toBe(item.type);
    expect(got.title).toBe(want.title);
    // A comma inside an organisation's name would read as "family, given": RIS writes it as a semicolon.
    expect((got.author as { literal?: string; family?: string }[]).map((a) => a.literal ?? a.family)).toEqual(want.authors.map((a) => a.replace(/\s*,\s*/g, '; ')));
    expect((got.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]).toEqual(want.date);
    expect(got.publisher).toBe(want.publisher);
    expect(got.URL).toBe(want.URL);
    expect(got.language).toBe(want.language);
    expect(got.abstract).toBe(want.abstract);
    expect(got.note).toBe(want.note);
  });
});

describe('JSON-LD', () => {
  const payload = { name: '</script><script>alert(1)</script> & <!-- \u2028' };
  it('cannot close its <script> element, and reads back the same', () => {
    const text = jsonLdText(payload);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(payload);
  });
  it('is a data block the Content-Security-Policy needs no hash for; a real inline script still gets one', () => {
    expect(inlineScriptHashes(`<script type="application/ld+json">${jsonLdText(payload)}</script>`)).toEqual([]);
    expect(inlineScriptHashes('<script>console.log(1)</script><script type="module">x()</script>')).toHaveLength(2);
  });
});
