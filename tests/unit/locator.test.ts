import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACRONYMS, formatLocator, sentenceCase, termKey } from '../../src/lib/content/locator';
import { datasets } from '../../src/lib/data/findings';
import { locatorTerms } from '../../src/lib/data/locators';

// A few Khmer terms, as data/locators.csv would give them.
const terms = new Map(
  [
    ['and', 'និង'],
    ['to', 'ដល់'],
    ['Section {n}', 'ផ្នែកទី {n}'],
    ['Sections {n}', 'ផ្នែក {n}'],
    ['Output {n}', 'លទ្ធផលផ្ទាល់ {n}'],
    ['Table {n}', 'តារាង {n}'],
    ['Footnotes {n}', 'លេខយោង {n}'],
    ['Entry', 'ធាតុ'],
    ['Annex', 'ឧបសម្ព័ន្ធ'],
    ['Conclusions', 'សេចក្តីសន្និដ្ឋាន'],
    ['Table of findings', 'តារាងលទ្ធផលរកឃើញ'],
    ['Key terms and figures', 'ពាក្យគន្លឹះ និងតួលេខ'],
    ['Summary of key achievements during the reporting period', 'សេចក្តីសង្ខេបនៃសមិទ្ធផលសំខាន់ៗក្នុងរយៈពេលរាយការណ៍'],
  ].map(([en, km]) => [termKey(en), km]),
);

describe('sentenceCase', () => {
  it('lowers a heading the source printed in capitals, keeping its number', () => {
    expect(sentenceCase('1. SUMMARY OF KEY ACHIEVEMENTS DURING THE REPORTING PERIOD')).toBe('1. Summary of key achievements during the reporting period');
    expect(sentenceCase('4. CONCLUSIONS')).toBe('4. Conclusions');
  });
  it('keeps known acronyms and proper names inside a heading in capitals', () => {
    expect(sentenceCase('FINAL FINANCIAL REPORT TO THE IOM DEVELOPMENT FUND')).toBe('Final financial report to the IOM Development Fund');
    expect(sentenceCase('7.2. THE FAMILY PACKAGE')).toBe('7.2. The Family Package');
  });
  it('treats a lone all-caps word in a mixed-case locator as an acronym', () => {
    expect(sentenceCase('Annex, PAISD')).toBe('Annex, PAISD');
    expect(sentenceCase('Links to other GFMD Roundtables')).toBe('Links to other GFMD roundtables');
  });
  it('lowers title case but not country names, programme names or numbered parts', () => {
    expect(sentenceCase('1. Summary and Context')).toBe('1. Summary and context');
    expect(sentenceCase('Annex, Reintegration of highly qualified medical staff (specialists) into the health sector in Malawi')).toContain('in Malawi');
    expect(sentenceCase('Annex, MIDA Ghana Health Project')).toBe('Annex, MIDA Ghana Health Project');
    expect(sentenceCase('Section 2, Output 2.3 and Table 2.1')).toBe('Section 2, Output 2.3 and Table 2.1');
  });
  it('keeps a comma inside a numbered heading from starting a new clause', () => {
    expect(sentenceCase('3. Innovation, Good Practices and Lessons Learned')).toBe('3. Innovation, good practices and lessons learned');
  });
  it('leaves quoted text alone, after a colon too', () => {
    expect(sentenceCase("Key findings list: 'Economic Disadvantages of Migrant Households'")).toBe("Key findings list: 'Economic Disadvantages of Migrant Households'");
    expect(sentenceCase("KEY TERMS AND FIGURES: Who are Children 'Left Behind'?")).toBe("Key terms and figures: Who are children 'Left Behind'?");
    expect(sentenceCase('Table "Research questions / Study Findings", row "Children"')).toBe('Table "Research questions / Study Findings", row "Children"');
  });
  it('keeps codes with digits and words with inner capitals', () => {
    expect(sentenceCase('IOM note DMM/353/2020')).toBe('IOM note DMM/353/2020');
    expect(sentenceCase('Khmer cover letter: Ministry of Foreign Affairs transmittal No. 7200')).toBe('Khmer cover letter: Ministry of Foreign Affairs transmittal No. 7200');
    expect(sentenceCase('Results Reporting Framework, Indicator 1.1d')).toBe('Results reporting framework, Indicator 1.1d');
  });
});

describe('formatLocator', () => {
  it('gives English pages the sentence-cased locator in English', () => {
    expect(formatLocator('4. CONCLUSIONS', 'en', terms)).toEqual({ text: '4. Conclusions', lang: 'en', parts: [{ text: '4. Conclusions', lang: 'en' }] });
  });
  it('translates a section name and the locator words on Khmer pages', () => {
    expect(formatLocator('1. SUMMARY OF KEY ACHIEVEMENTS DURING THE REPORTING PERIOD', 'km', terms).text).toBe('1. សេចក្តីសង្ខេបនៃសមិទ្ធផលសំខាន់ៗក្នុងរយៈពេលរាយការណ៍');
    expect(formatLocator('Section 2, Output 2.3 and Table 2.1', 'km', terms)).toMatchObject({ text: 'ផ្នែកទី 2, លទ្ធផលផ្ទាល់ 2.3 និង តារាង 2.1', lang: 'km' });
    expect(formatLocator('Section 2, Output 2.3, table of findings; Section 4, Conclusions', 'km', terms).text).toBe(
      'ផ្នែកទី 2, លទ្ធផលផ្ទាល់ 2.3, តារាងលទ្ធផលរកឃើញ; ផ្នែកទី 4, សេចក្តីសន្និដ្ឋាន',
    );
  });
  it('writes the Khmer ordinal ទី before whole numbers only', () => {
    expect(formatLocator('Section 7.1', 'km', terms).text).toBe('ផ្នែក 7.1');
    expect(formatLocator('Sections 7.1 to 7.3', 'km', terms).text).toBe('ផ្នែក 7.1 ដល់ 7.3');
    expect(formatLocator('Footnotes 4, 5 and 7', 'km', terms).text).toBe('លេខយោង 4, 5 និង 7');
  });
  it('writes a colon as ៖ after Khmer', () => {
    expect(formatLocator("KEY TERMS AND FIGURES: Who are Children 'Left Behind'?", 'km', terms).parts).toEqual([
      { text: 'ពាក្យគន្លឹះ និងតួលេខ៖ ', lang: 'km' },
      { text: "Who are children 'Left Behind'?", lang: 'en' },
    ]);
  });
  it('keeps a piece with no Khmer in English, marked as English', () => {
    expect(formatLocator('Annex, Togo Diaspora program', 'km', terms).parts).toEqual([
      { text: 'ឧបសម្ព័ន្ធ, ', lang: 'km' },
      { text: 'Togo Diaspora program', lang: 'en' },
    ]);
    expect(formatLocator('Guiding questions', 'km', terms)).toEqual({ text: 'Guiding questions', lang: 'en', parts: [{ text: 'Guiding questions', lang: 'en' }] });
  });
  it('keeps quoted words in English after a translated label', () => {
    expect(formatLocator('Annex, entry "Strategies to retain health professionals"', 'km', terms).parts).toEqual([
      { text: 'ឧបសម្ព័ន្ធ, ធាតុ ', lang: 'km' },
      { text: '"Strategies to retain health professionals"', lang: 'en' },
    ]);
  });
});

describe('the site’s locators', () => {
  const mdxLocators = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/<Cite [^>]*\bat="([^"]*)"/g)].map((m) => m[1]));
  const shouting = (text: string) => {
    const bare = text.replace(/"[^"]*"|'[^']*'/g, '');
    return (bare.match(/\b[A-Z]{2,}\b(?:\s+\b[A-Z]{2,}\b)+/g) ?? []).filter((run) => run.split(/\s+/).some((w) => !ACRONYMS.has(w)));
  };

  it('no citation in the content still shouts', () => {
    const found = [...new Set(mdxLocators('content'))];
    expect(found.length).toBeGreaterThan(100);
    for (const at of found) expect(shouting(formatLocator(at, 'en').text), at).toEqual([]);
  });
  it('every findings section reads entirely in Khmer on Khmer pages (charts and key numbers show them)', () => {
    const sections = new Set(datasets().flatMap((d) => d.rows.map((r) => r.section)));
    for (const section of sections) {
      const out = formatLocator(section, 'km', locatorTerms('km'));
      expect(out.parts, section).toEqual([{ text: out.text, lang: 'km' }]);
    }
  });
  it('data/locators.csv has one row per English term', () => {
    const keys = readFileSync('data/locators.csv', 'utf8').trim().split('\n').slice(1).map((line) => termKey(line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[0].replace(/^"|"$/g, '')));
    expect(keys.length).toBe(new Set(keys).size);
  });
});
