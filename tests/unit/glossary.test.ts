/** The Khmer vocabulary (data/glossary.csv): avoided variants and amounts of money are found with file and line. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acronymOf, checkGlossary, checkKhmerText, findAvoided, findBareAcronyms, findCurrency, loadGlossary, maskNonProse, parseGlossary, type GlossaryEntry } from '../../src/lib/check/glossary';
import { formatProblem } from '../../src/lib/check/problems';

const glossary = loadGlossary('data');
const entries = glossary.entries;
const dir = 'tests/fixtures/glossary';
const problems = checkGlossary({ contentRoot: `${dir}/content`, dataRoot: `${dir}/data`, glossary: entries }).map(formatProblem);
const expectProblem = (text: string) => expect(problems.some((p) => p.includes(text)), `expected a problem containing:\n${text}\n\ngot:\n${problems.join('\n')}`).toBe(true);
const found = (text: string, list: GlossaryEntry[] = entries) => findAvoided(maskNonProse(text), list).map((h) => h.found);

describe('data/glossary.csv', () => {
  it('parses without problems and covers the key terms', () => {
    expect(glossary.problems).toEqual([]);
    const ids = entries.map((e) => e.id);
    for (const id of ['migrant-household', 'non-migrant-household', 'migrant', 'migration', 'remittances', 'caregiver', 'children-left-behind', 'cash-transfer', 'diaspora', 'enumerator', 'national-ageing-policy', 'kulob', 'mosvy', 'iom', 'unicef', 'output', 'outcome', 'household-survey', 'depression', 'anxiety', 'overweight', 'stunting', 'social-protection', 'family-package', 'usd'])
      expect(ids).toContain(id);
  });
  it('uses the seeds’ word for migration and avoids the colloquial one', () => {
    const migration = entries.find((e) => e.id === 'migration')!;
    expect(migration.termKm).toBe('ទេសន្តប្រវេសន៍');
    expect(migration.avoid).toContain('ចំណាកស្រុក');
  });
  it('refuses a variant that is also a term', () => {
    const { problems } = parseGlossary('id,term_en,term_km,note_en,note_km,avoid_km\na,A,ក,,,ខ\nb,B,ខ,,,\n', 'g.csv');
    expect(problems.map(formatProblem)).toEqual(['error   g.csv row 2, column "avoid_km": "ខ" is the term of "b"; it cannot also be avoided.']);
  });
});

describe('avoided variants in Khmer content and data', () => {
  it('names an avoided variant in the frontmatter with its line', () =>
    expectProblem(`error   ${dir}/content/reports/km/variant.mdx:3: "គ្រួសារទេសន្តប្រវេសន៍" is not the glossary term for migrant household: write "គ្រួសារមានសមាជិកធ្វើទេសន្តប្រវេសន៍"`));
  it('names every avoided variant on a line of the body', () => {
    expectProblem(`${dir}/content/reports/km/variant.mdx:6: "គ្រួសារដែលមានសមាជិកធ្វើទេសន្តប្រវេសន៍" is not the glossary term for migrant household`);
    expectProblem(`${dir}/content/reports/km/variant.mdx:6: "គ្រួសារមិនមែនទេសន្តប្រវេសន៍" is not the glossary term for non-migrant household: write "គ្រួសារគ្មានសមាជិកធ្វើទេសន្តប្រវេសន៍"`);
    expectProblem(`${dir}/content/reports/km/variant.mdx:8: "គោលនយោបាយជាតិស្តីពីភាពចាស់" is not the glossary term for National Ageing Policy`);
    expectProblem(`${dir}/content/reports/km/variant.mdx:8: "គូឡុប" is not the glossary term for Kulob: write "គូឡូប"`);
  });
  it('names "Output" left in English in Khmer prose, but not in a <Cite at>', () => {
    expect(problems.filter((p) => p.includes('variant.mdx:8: "Output"'))).toHaveLength(1);
  });
  it('names a variant in a *_km cell with file, row, column and id', () =>
    expectProblem(`error   ${dir}/data/findings/variant.csv row 3, column "note_km": (id v-002) "គ្រួសារមិនមែនទេសន្តប្រវេសន៍" is not the glossary term for non-migrant household`));
  it('finds nothing in clean Khmer text, English section names and quotations', () => {
    expect(problems.filter((p) => p.includes('clean.'))).toEqual([]);
    expect(problems.filter((p) => p.includes('variant.csv row 2,'))).toEqual([]);
  });
  it('does not flag a preferred term that contains a shorter avoided variant', () => {
    expect(found('គោលនយោបាយជាតិស្តីពីភាពចាស់ជរា 2017-2030')).toEqual([]);
    expect(found('គោលនយោបាយជាតិស្តីពីភាពចាស់ 2017-2030')).toEqual(['គោលនយោបាយជាតិស្តីពីភាពចាស់']);
  });
  it('does not flag the preferred household terms, which contain other words of the glossary', () => {
    expect(found('គ្រួសារមានសមាជិកធ្វើទេសន្តប្រវេសន៍ ធៀបនឹងគ្រួសារគ្មានសមាជិកធ្វើទេសន្តប្រវេសន៍ ជនទេសន្តប្រវេសន៍')).toEqual([]);
  });
  it('reports the longest variant once when variants overlap', () => {
    expect(found('គ្រួសារអ្នកធ្វើទេសន្តប្រវេសន៍')).toEqual(['គ្រួសារអ្នកធ្វើទេសន្តប្រវេសន៍']);
  });
  it('matches only on Khmer cluster boundaries and whole Latin words', () => {
    const list: GlossaryEntry[] = [{ id: 'x', termEn: 'x', termKm: 'ខ', noteEn: '', noteKm: '', avoid: ['ក', 'Output'] }];
    expect(found('កា ក្ក ស្ក', list)).toEqual([]); // followed by a vowel, by a coeng, or a subscript
    expect(found('ក ខ', list)).toEqual(['ក']);
    expect(found('Outputs OutputX Output 2.1', list)).toEqual(['Output']);
  });
});

describe('amounts of money in Khmer', () => {
  it('names an amount with the currency after the number and says how to write it', () => {
    expectProblem(`${dir}/content/reports/km/variant.mdx:10: amount "1762 USD": in Khmer write the currency before the number, "USD 1762"`);
    expectProblem(`${dir}/content/reports/km/variant.mdx:10: amount "414 ពាន់លានដុល្លារអាមេរិក (USD)": in Khmer write the currency before the number, "USD 414 ពាន់លាន"`);
    expectProblem(`${dir}/data/findings/variant.csv row 4, column "note_km": (id v-003) amount "200,000 USD"`);
  });
  it('reports "ដុល្លារអាមេរិក" in an amount once, as an amount', () => {
    expect(checkKhmerText('414 ពាន់លានដុល្លារអាមេរិក', entries).map((h) => h.found)).toEqual(['414 ពាន់លានដុល្លារអាមេរិក']);
  });
  it('accepts "USD 1762", "USD 414 ពាន់លាន", a unit in a heading and a quotation of the document', () => {
    expect(findCurrency(maskNonProse("USD 1762 និង USD 414 ពាន់លាន | មុខចំណាយ (USD) | បោះពុម្ពជា '1762 USD'"))).toEqual([]);
  });
  it('names a dollar sign', () => expect(findCurrency('$414').map((h) => h.message)).toEqual(['amount "$414": in Khmer write "USD 414" (see data/glossary.csv, id usd).']));
});

describe('acronyms spelled out at their first use on a Khmer page', () => {
  const iom = entries.find((e) => e.id === 'iom')!;
  const bare = (text: string) => checkKhmerText(text, entries, { acronyms: true }).filter((h) => /first use/.test(h.message)).map((h) => `${h.line}:${h.found}`);

  it('knows each acronym from term_en, and none for a term whose Khmer is the acronym', () => {
    expect(acronymOf(iom)).toBe('IOM');
    expect(acronymOf(entries.find((e) => e.id === 'unicef')!)).toBe('UNICEF');
    expect(acronymOf(entries.find((e) => e.id === 'usd')!)).toBeUndefined();
    expect(acronymOf(entries.find((e) => e.id === 'caregiver')!)).toBeUndefined();
  });

  it('reports a bare first use with its line, and accepts one after the full name', () => {
    expect(bare('---\nsummary: "ការសិក្សារបស់ IOM"\n---\n')).toEqual(['2:IOM']);
    expect(bare(`---\nsummary: "ការសិក្សារបស់${iom.termKm} (IOM)"\n---\nIOM បាន…\n`)).toEqual([]);
    // The full name later on does not excuse an earlier bare use.
    expect(bare(`IOM បាន…\n${iom.termKm} (IOM)\n`)).toEqual(['1:IOM']);
  });

  it('lets a title use the short form, and ignores tag attributes and English quotations', () => {
    expect(bare('---\ntitle: "ការសិក្សារបស់ IOM"\n---\n')).toEqual([]);
    expect(bare('<Cite source="miccaf" at="IOM report" />\n"the IOM team"\n')).toEqual([]);
  });

  it('does not match inside a longer word', () => {
    expect(findBareAcronyms(maskNonProse('WHOLE UNICEFS'), entries)).toEqual([]);
  });
});

describe('npm run check with a variant put back into a Khmer file', () => {
  it('fails with the file and line', () => {
    const content = mkdtempSync(path.join(tmpdir(), 'glossary-content-'));
    cpSync('content', content, { recursive: true });
    const file = path.join(content, 'reports', 'km', 'miccaf.mdx');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('គ្រួសារមានសមាជិកធ្វើទេសន្តប្រវេសន៍') && !l.startsWith('  '));
    lines[at] = lines[at].replace('គ្រួសារមានសមាជិកធ្វើទេសន្តប្រវេសន៍', 'គ្រួសារទេសន្តប្រវេសន៍');
    writeFileSync(file, lines.join('\n'));
    const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/check.ts'], { env: { ...process.env, CONTENT_ROOT: content }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${file}:${at + 1}: "គ្រួសារទេសន្តប្រវេសន៍" is not the glossary term for migrant household`);
  });
});
