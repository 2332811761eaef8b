/** Typo correction, Khmer spelling variants and cross-language terms, as search applies them. */
import { describe, expect, it } from 'vitest';
import { allowedEdits, correctWith, crossQuery, editDistance, nearestWord } from '../../src/lib/search/assist';
import { BUILT_IN_VARIANTS, makeNormalizer } from '../../src/lib/search/normalize';

describe('editDistance', () => {
  it('counts a letter added, dropped or changed, and two neighbours swapped, as one edit', () => {
    expect(editDistance('guardianshp', 'guardianship', 2)).toBe(1);
    expect(editDistance('katlon', 'khatlon', 1)).toBe(1);
    expect(editDistance('overwieght', 'overweight', 2)).toBe(1);
    expect(editDistance('divorse', 'divorce', 1)).toBe(1);
    expect(editDistance('schol', 'school', 1)).toBe(1);
  });

  it('stops past the bound', () => {
    expect(editDistance('children', 'remittances', 2)).toBe(3);
    expect(editDistance('abc', 'abcdef', 1)).toBe(2);
  });
});

describe('nearestWord', () => {
  const words = ['health', 'children', 'household', 'households', 'guardians', 'guardianship', 'khatlon', 'stunting', 'school', 'divorce'];

  it('allows one edit for five to seven letters, two for longer words, none for shorter', () => {
    expect([4, 5, 7, 8, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
    expect(nearestWord('Katlon', words)).toBe('khatlon');
    expect(nearestWord('guardianshp', words)).toBe('guardianship');
    expect(nearestWord('stntng', words)).toBeNull(); // two edits from "stunting", allowed only one
    expect(nearestWord('helth', words)).toBe('health');
    expect(nearestWord('helt', words)).toBeNull();
  });

  it('prefers the most used word (earlier in the list) among equally near ones, and leaves a known word alone', () => {
    expect(nearestWord('householdz', ['households', 'household'])).toBe('households');
    expect(nearestWord('household', words)).toBeNull();
  });
});

describe('correctWith', () => {
  const words = ['school', 'feeding', 'guardians', 'guardianship', 'legal'];

  it('replaces each word that matched nothing by its nearest index word', () => {
    expect(correctWith('schol feeding', ['schol'], words)).toBe('school feeding');
    expect(correctWith('legal guardianshp', ['guardianshp'], words)).toBe('legal guardianship');
    expect(correctWith('zzzzzzzz', ['zzzzzzzz'], words)).toBeNull();
  });

  it('leaves the last word alone while it still begins an index word (the reader is typing it)', () => {
    expect(correctWith('legal guardiansh', ['guardiansh'], words)).toBeNull();
    expect(correctWith('guardiansh legal', ['guardiansh'], words)).toBe('guardians legal');
  });
});

describe('Khmer spelling variants (normalize.ts)', () => {
  const glossary: [string, string][] = [
    ['អ្នកមើលថែ', 'អ្នកថែទាំ'],
    ['ប្រាក់ផ្ញើ', 'ប្រាក់បញ្ញើ'],
    ['ចំណាកស្រុក', 'ទេសន្តប្រវេសន៍'],
    ['ជនចំណាកស្រុក', 'ជនទេសន្តប្រវេសន៍'],
    ['គោលនយោបាយជាតិស្តីពីភាពចាស់', 'គោលនយោបាយជាតិស្តីពីភាពចាស់ជរា'],
    ['Output', 'លទ្ធផល'],
  ];
  const normalize = makeNormalizer(glossary);

  it('writes ឲ្យ and អោយ as ឱ្យ, and coeng da as coeng ta', () => {
    expect(BUILT_IN_VARIANTS.map(([from]) => normalize(from))).toEqual(['ឱ្យ', 'ឱ្យ', '\u17D2\u178F']);
    expect(normalize('ធ្វើអោយកុមារ')).toBe('ធ្វើឱ្យកុមារ');
    expect(normalize('ការបណ្ដុះបណ្ដាល')).toBe('ការបណ្តុះបណ្តាល');
  });

  it("replaces the glossary's avoided variants by its terms, the longest first", () => {
    expect(normalize('អ្នកមើលថែលើសទម្ងន់')).toBe('អ្នកថែទាំលើសទម្ងន់');
    expect(normalize('ប្រាក់ផ្ញើ')).toBe('ប្រាក់បញ្ញើ');
    expect(normalize('ជនចំណាកស្រុក')).toBe('ជនទេសន្តប្រវេសន៍');
  });

  it('leaves the preferred term alone where a variant lies inside it, and Latin text and Latin variants untouched', () => {
    expect(normalize('គោលនយោបាយជាតិស្តីពីភាពចាស់ជរា')).toBe('គោលនយោបាយជាតិស្តីពីភាពចាស់ជរា');
    expect(normalize('គោលនយោបាយជាតិស្តីពីភាពចាស់។')).toBe('គោលនយោបាយជាតិស្តីពីភាពចាស់ជរា។');
    expect(normalize('Output 2.1')).toBe('Output 2.1');
  });

  it('does not cut a character cluster (a variant followed by a vowel sign is part of another word)', () => {
    expect(normalize('ប្រាក់ផ្ញើា')).toBe('ប្រាក់ផ្ញើា');
  });
});

describe('crossQuery (a term typed in the other language)', () => {
  const normalize = makeNormalizer([['ប្រាក់ផ្ញើ', 'ប្រាក់បញ្ញើ']]);

  it('on the Khmer site, finds the Khmer term for an English one, ignoring case and a plural', () => {
    const km: [string, string][] = [
      ['Family Package', 'កញ្ចប់គ្រួសារ'],
      ['caregiver', 'អ្នកថែទាំ'],
      ['WHO', 'អង្គការសុខភាពពិភពលោក'],
    ];
    expect(crossQuery('family package', km, normalize)).toEqual({ query: 'កញ្ចប់គ្រួសារ', terms: ['កញ្ចប់គ្រួសារ'] });
    expect(crossQuery('Caregivers depression', km, normalize)).toEqual({ query: 'អ្នកថែទាំ depression', terms: ['អ្នកថែទាំ'] });
    expect(crossQuery('WHO', km, normalize)?.terms).toEqual(['អង្គការសុខភាពពិភពលោក']);
    expect(crossQuery('who', km, normalize)).toBeNull();
    expect(crossQuery('packages of care', km, normalize)).toBeNull();
  });

  it('on the English site, finds the English term for a Khmer one, variants folded first', () => {
    const en: [string, string][] = [['ប្រាក់បញ្ញើ', 'remittances']];
    expect(crossQuery('ប្រាក់បញ្ញើ', en, normalize)).toEqual({ query: 'remittances', terms: ['remittances'] });
    expect(crossQuery('ប្រាក់ផ្ញើ', en, normalize)?.query).toBe('remittances');
  });
});
