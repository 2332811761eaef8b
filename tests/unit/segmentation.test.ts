import { describe, expect, it } from 'vitest';
import { AUTHOR_SPACE, joinWholeWords, khmerWords, makeVocabulary, restoreExcerpt, segmentForIndex, segmentQuery } from '../../src/lib/search/segmentation';

// A sentence in the style of the site's Khmer pages (the Khmer title of MICCAF and common words).
const sentence = 'ទេសន្តប្រវេសន៍ និងផលប៉ះពាល់លើកុមារ និងក្រុមគ្រួសារកម្ពុជា (MICCAF) មានសុខភាពផ្លូវចិត្ត';

describe('index-time segmentation', () => {
  const indexed = segmentForIndex(sentence);
  it('puts a space between Khmer words inside a run', () => {
    expect(indexed).toContain('ក្រុម គ្រួសារ');
    expect(indexed).toContain('សុខភាព ផ្លូវចិត្ត');
  });
  it('marks the spaces the author wrote, so excerpts can keep them', () => {
    expect(indexed).toContain(`ប្រវេសន៍${AUTHOR_SPACE}និង`);
  });
  it('leaves Latin text and punctuation as written', () => {
    expect(indexed).toContain('(MICCAF)');
    expect(segmentForIndex('Caregiver depression, 43%')).toBe('Caregiver depression, 43%');
  });
  it('loses no character: removing the separators gives the text back', () => {
    expect(restoreExcerpt(indexed)).toBe(sentence);
  });
});

describe('query-time segmentation', () => {
  const vocab = makeVocabulary(khmerWords(sentence));
  it('splits a Khmer query into the words the index holds', () => {
    expect(segmentQuery('សុខភាពផ្លូវចិត្ត', vocab)).toBe('សុខភាព ផ្លូវចិត្ត');
    expect(segmentQuery('ក្រុមគ្រួសារ', vocab)).toBe('ក្រុម គ្រួសារ');
  });
  it('agrees with the index on every vocabulary word: each word is its own query', () => {
    for (const word of vocab.words) expect(segmentQuery(word, vocab)).toBe(word);
  });
  it('agrees with the index on a whole sentence typed without spaces', () => {
    const typed = 'និងក្រុមគ្រួសារកម្ពុជា';
    expect(segmentQuery(typed, vocab)).toBe(segmentForIndex(typed).replace(/\s+/g, ' '));
  });
  it('keeps unknown Khmer together and Latin words as they are', () => {
    expect(segmentQuery('caregiver ឆ្កែឆ្មា', vocab)).toBe('caregiver ឆ្កែឆ្មា');
    expect(segmentQuery('MICCAF2018កុមារ', vocab)).toBe('MICCAF2018 កុមារ');
  });
});

describe('restoreExcerpt', () => {
  it('removes inserted spaces, also around highlight marks', () => {
    expect(restoreExcerpt('ក្រុម <mark>គ្រួសារ</mark> កម្ពុជា')).toBe('ក្រុម<mark>គ្រួសារ</mark>កម្ពុជា');
  });
  it('keeps the author\'s spaces and spaces next to Latin text', () => {
    expect(restoreExcerpt('ទេសន្តប្រវេសន៍ \u2060 និង ផលប៉ះពាល់ (MICCAF) មាន')).toBe('ទេសន្តប្រវេសន៍ និងផលប៉ះពាល់ (MICCAF) មាន');
  });
});

describe('segmentHtml (the copy of a page handed to the index)', async () => {
  const { segmentHtml } = await import('../../src/lib/search/index-copy');
  it('segments Khmer text between tags, leaves scripts, styles and tags alone, and collects the words', () => {
    const words = new Set<string>();
    const html = '<style>.a:after{content:"ក្រុមគ្រួសារ"}</style><p class="x">ក្រុមគ្រួសារ <b>សុខភាពផ្លូវចិត្ត</b></p><script>var s="ក្រុមគ្រួសារ"</script>';
    expect(segmentHtml(html, words)).toBe('<style>.a:after{content:"ក្រុមគ្រួសារ"}</style><p class="x">ក្រុម គ្រួសារ <b>សុខភាព ផ្លូវចិត្ត</b></p><script>var s="ក្រុមគ្រួសារ"</script>');
    expect([...words].sort()).toEqual(['គ្រួសារ', 'ក្រុម', 'ផ្លូវចិត្ត', 'សុខភាព'].sort());
  });
});

describe('indexCopy (what Pagefind is given of a page)', async () => {
  const { indexCopy } = await import('../../src/lib/search/index-copy');
  it('keeps the language, the title and the main region, and drops the rest', () => {
    const html = '<!doctype html><html lang="km"><head><title>T</title><style>x</style></head><body><header>nav</header><main id="main" data-pagefind-body><h1>H</h1></main><footer>f</footer></body></html>';
    expect(indexCopy(html, 'km')).toBe('<!doctype html><html lang="km"><head><title>T</title></head><body><main id="main" data-pagefind-body><h1>H</h1></main></body></html>');
  });
});

describe('weightFields (where a word stands, for ranking)', async () => {
  const { weightFields, WEIGHT } = await import('../../src/lib/search/index-copy');

  it('weights the h1 as a title, and headings, table headers, captions and a chart description as labels', () => {
    const html = '<main><h1 class="t">T</h1><h2 id="a">A</h2><h3>B</h3><table><caption>C</caption><tr><th scope="col">M</th><td>1</td></tr></table><figure><figcaption>F</figcaption><ul class="chart__legend">L</ul><p id="chart-x-desc">D</p><p>body</p></figure><header>h</header><thead></thead></main>';
    const out = weightFields(html);
    const t = `data-pagefind-weight="${WEIGHT.title}"`;
    const l = `data-pagefind-weight="${WEIGHT.label}"`;
    expect(out).toContain(`<h1 ${t} class="t">`);
    for (const tag of [`<h2 ${l} id="a">`, `<h3 ${l}>`, `<caption ${l}>`, `<th ${l} scope="col">`, `<figcaption ${l}>`, `<ul ${l} class="chart__legend">`, `<p ${l} id="chart-x-desc">`]) expect(out).toContain(tag);
    expect(out).toContain('<p>body</p><');
    expect(out).toContain('<header>h</header><thead></thead>');
  });
});

describe('segmentHtml with spelling variants folded', async () => {
  const { segmentHtml } = await import('../../src/lib/search/index-copy');
  const { makeNormalizer } = await import('../../src/lib/search/normalize');

  it('folds variants in every Khmer text node, also where words are not separated (English pages)', () => {
    const normalize = makeNormalizer([['ប្រាក់ផ្ញើ', 'ប្រាក់បញ្ញើ']]);
    expect(segmentHtml('<p title="អោយ">ធ្វើអោយ ប្រាក់ផ្ញើ</p>', undefined, normalize)).toBe('<p title="អោយ">ធ្វើឱ្យ ប្រាក់បញ្ញើ</p>');
    const words = new Set<string>();
    expect(segmentHtml('<p>ប្រាក់ផ្ញើ</p>', words, normalize)).toBe('<p>ប្រាក់បញ្ញើ</p>');
    expect([...words]).toEqual(['ប្រាក់បញ្ញើ']);
  });
});

describe('segmentForIndex and a zero-width space', () => {
  it('indexes the words on each side of a zero-width space apart, and the excerpt closes the gap again', async () => {
    const { segmentForIndex, restoreExcerpt } = await import('../../src/lib/search/segmentation');
    const words = new Set<string>();
    const copy = segmentForIndex('ក្មេងស្រី 4 និង\u200Bក្មេងប្រុស 43', undefined, words);
    expect(copy.split(/\s+/)).toContain('ក្មេងប្រុស');
    expect(words.has('ក្មេងប្រុស')).toBe(true);
    expect(restoreExcerpt(copy)).toBe('ក្មេងស្រី 4 និងក្មេងប្រុស 43');
  });
});

describe('whole words', () => {
  it('indexes ទេសន្តប្រវេសន៍ (migration) and the place names ICU breaks up as one word each, inside longer text too', () => {
    const words = new Set<string>();
    expect(segmentForIndex('ជនទេសន្តប្រវេសន៍នៅខេត្តខាត់ឡុន', undefined, words)).toContain('ទេសន្តប្រវេសន៍');
    expect(words.has('ទេសន្តប្រវេសន៍')).toBe(true);
    expect(words.has('ខាត់ឡុន')).toBe(true);
    expect(words.has('ទេ')).toBe(false);
    // The query splits the same way, by the vocabulary the index wrote.
    expect(segmentQuery('ការធ្វើទេសន្តប្រវេសន៍', makeVocabulary([...words, 'ការ', 'ធ្វើ']))).toBe('ការ ធ្វើ ទេសន្តប្រវេសន៍');
  });

  it('joins only a run that spells the whole word', () => {
    const pieces = (...xs: string[]) => xs.map((segment) => ({ segment, isWordLike: true }));
    expect(joinWholeWords(pieces('ទេ', 'សន្ត', 'ប្រវេសន៍')).map((s) => s.segment)).toEqual(['ទេសន្តប្រវេសន៍']);
    expect(joinWholeWords(pieces('ទេ', 'សន្ត')).map((s) => s.segment)).toEqual(['ទេ', 'សន្ត']);
    expect(joinWholeWords(pieces('មិន', 'ទេ')).map((s) => s.segment)).toEqual(['មិន', 'ទេ']);
  });
});
