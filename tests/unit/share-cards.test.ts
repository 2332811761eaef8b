/**
 * Share cards: line breaking (at word boundaries, Khmer included, cut with an ellipsis, never wider than the
 * card), Khmer shaped by HarfBuzz with the site's own fonts, the card's layout and PNG, and which card a page uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakPieces, withEllipsis, wrapText, type Measure } from '../../src/lib/share/wrap';
import { typesetter, type Typesetter } from '../../src/lib/share/typeset';
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, chartTextToPaths, type CardSpec } from '../../src/lib/share/card';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chartStyles, drawCard, lightColors, svgToPng } from '../../src/lib/share/draw';
import { cardPng } from '../../src/lib/share/render';
import { CARD_INPUTS, specFile, specKey } from '../../src/lib/share/card-key';
import { cardHref, cardKey } from '../../src/lib/share/paths';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
/** A stand-in measure: one unit per grapheme cluster. */
const clusters: Measure = (text) => [...graphemes.segment(text)].length;
const KHMER_WORDS = ['ទេសន្តប្រវេសន៍', 'ក្រុមគ្រួសារ', 'ដែល', 'នៅ', 'សល់', 'ពីក្រោយ', 'ស្ត្រី', 'កុមារ', 'ប្រាក់ចំណូល', 'ប្រចាំឆ្នាំ'];
const LONG_KHMER = 'ក្រុមគ្រួសារដែលមានសមាជិកធ្វើទេសន្តប្រវេសន៍ រាយការណ៍ពីប្រាក់ចំណូលប្រចាំឆ្នាំទាបជាងក្រុមគ្រួសារដែលគ្មានសមាជិកធ្វើទេសន្តប្រវេសន៍ ហើយកុមារដែលនៅសល់ពីក្រោយភាគច្រើនរស់នៅជាមួយជីដូនជីតា។ '.repeat(4);
/** Where Intl.Segmenter allows a break in a text (string offsets). */
const wordBoundaries = (text: string, lang: string) => new Set([...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map((s) => s.index).concat(text.length));
const COMBINING_KHMER = /^[\u17B6-\u17D3\u17DD]/;

describe('wrapText', () => {
  it('breaks English at spaces, keeps every word, and never goes past the width', () => {
    const text = 'Migrant households reported far lower annual income than non-migrant households.';
    const { lines, truncated } = wrapText(text, { maxWidth: 24, maxLines: 10, lang: 'en', measure: clusters });
    expect(truncated).toBe(false);
    // A line may end after a hyphen ("non-" / "migrant"), as in a browser.
    expect(lines.join(' ').replace(/- /g, '-')).toBe(text);
    for (const line of lines) expect(clusters(line)).toBeLessThanOrEqual(24);
    expect(lines[0]).toBe('Migrant households');
  });

  it('breaks Khmer, which has no spaces between words, only where a word ends', () => {
    const text = KHMER_WORDS.join('');
    const { lines, truncated } = wrapText(text, { maxWidth: 9, maxLines: 20, lang: 'km', measure: clusters });
    expect(truncated).toBe(false);
    expect(lines.join('')).toBe(text);
    expect(lines.length).toBeGreaterThan(2);
    const allowed = wordBoundaries(text, 'km');
    let at = 0;
    for (const line of lines) {
      expect(allowed.has(at), `a line starts inside a word: "${line}"`).toBe(true);
      expect(COMBINING_KHMER.test(line), `a line starts with a vowel sign: "${line}"`).toBe(false);
      expect(clusters(line)).toBeLessThanOrEqual(9);
      at += line.length;
    }
  });

  it('cuts a Khmer text too long for its lines at a word and ends it with an ellipsis', () => {
    const { lines, truncated } = wrapText(LONG_KHMER, { maxWidth: 20, maxLines: 3, lang: 'km', measure: clusters });
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[2].endsWith('…')).toBe(true);
    for (const line of lines) expect(clusters(line)).toBeLessThanOrEqual(20);
    // The last line, without its ellipsis, ends where a word ends.
    const kept = lines.join('').replace(/…$/, '').replace(/\s/g, '');
    expect(wordBoundaries(LONG_KHMER.replace(/\s/g, ''), 'km').has(kept.length)).toBe(true);
  });

  it('splits a word wider than a line between clusters, never inside one', () => {
    const word = 'ទេសន្តប្រវេសន៍'.repeat(3);
    const { lines } = wrapText(word, { maxWidth: 4, maxLines: 20, lang: 'km', measure: clusters });
    expect(lines.join('')).toBe(word);
    for (const line of lines) {
      expect(clusters(line)).toBeLessThanOrEqual(4);
      expect(COMBINING_KHMER.test(line)).toBe(false);
      expect(line.startsWith('\u17D2')).toBe(false);
    }
  });

  it('keeps punctuation with the word before it, and gives an empty text no lines', () => {
    expect(breakPieces('Income (USD 1,762), then more.', 'en')).toEqual(['Income ', '(USD ', '1,762), ', 'then ', 'more.']);
    expect(breakPieces('ស្ត្រី។ កុមារ', 'km')).toEqual(['ស្ត្រី។ ', 'កុមារ']);
    expect(wrapText('   ', { maxWidth: 10, maxLines: 3, lang: 'en', measure: clusters })).toEqual({ lines: [], truncated: false });
  });

  it('fits the ellipsis even when the last line has a single long word', () => {
    expect(clusters(withEllipsis('abcdefghij', 6, 'en', clusters))).toBeLessThanOrEqual(6);
    expect(withEllipsis('one two three', 9, 'en', clusters)).toBe('one two…');
  });

  it('never returns a line wider than the width, nor more lines than allowed, for any words', () => {
    const word = fc.oneof(fc.constantFrom(...KHMER_WORDS), fc.stringMatching(/^[a-z]{1,14}$/));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.constantFrom('', ' '), fc.integer({ min: 3, max: 30 }), fc.integer({ min: 1, max: 5 }), (words, sep, maxWidth, maxLines) => {
        const { lines } = wrapText(words.join(sep), { maxWidth, maxLines, lang: 'km', measure: clusters });
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of lines) expect(clusters(line)).toBeLessThanOrEqual(maxWidth);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Khmer shaped with the site fonts', () => {
  let ts: Typesetter;
  beforeAll(async () => {
    ts = await typesetter();
  });

  it('has a glyph for every character of Khmer and English text', () => {
    expect(ts.missing(LONG_KHMER + ' USD 1,762 (2018) – “quoted” …', 400)).toEqual([]);
    expect(ts.missing(LONG_KHMER, 700)).toEqual([]);
  });

  it('puts subscript consonants and vowel signs on their base: a shaped word is narrower than its characters side by side', () => {
    for (const word of ['ស្ត្រី', 'ក្រុមគ្រួសារ', 'ទេសន្តប្រវេសន៍']) {
      const shaped = ts.width(word, 100, 400);
      const apart = [...word].reduce((sum, ch) => sum + ts.width(ch, 100, 400), 0);
      expect(shaped, word).toBeLessThan(apart * 0.9);
    }
  });

  it('lays a long Khmer title out within the card, cut with an ellipsis', () => {
    const spec: CardSpec = { kind: 'report', lang: 'km', contentLang: 'km', kicker: 'របាយការណ៍', title: LONG_KHMER, text: LONG_KHMER, footer: 'ទេសន្តប្រវេសន៍' };
    const { svg, title, text } = cardSvg(spec, ts, { paper: '#fff', ink: '#000', muted: '#444', accent: '#05a', line: '#ccc' });
    expect(title.truncated).toBe(true);
    expect(title.lines.length).toBeLessThanOrEqual(3);
    expect(title.lines.at(-1)!.endsWith('…')).toBe(true);
    for (const line of title.lines) expect(ts.width(line, title.size, 700)).toBeLessThanOrEqual(CARD_WIDTH - 2 * 72);
    for (const line of text!.lines) expect(ts.width(line, text!.size, 400)).toBeLessThanOrEqual(CARD_WIDTH - 2 * 72);
    expect(text!.truncated).toBe(true);
    // Title and text stay above the footer rule.
    const bottom = 140 + title.lines.length * title.step + 20 + text!.lines.length * text!.step;
    expect(bottom).toBeLessThanOrEqual(CARD_HEIGHT - 104);
    expect(svg).not.toContain('<text');
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}"`)).toBe(true);
  });

  it('gives a page without a summary a card with its title only, as a PNG of 1200 × 630 under 150 KB', () => {
    const spec: CardSpec = { kind: 'brief', lang: 'en', contentLang: 'en', kicker: 'Brief', title: 'A title and nothing else', footer: 'Site' };
    const layout = cardSvg(spec, ts, { paper: '#fff', ink: '#000', muted: '#444', accent: '#05a', line: '#ccc' });
    expect(layout.text).toBeUndefined();
    expect(layout.title.lines).toEqual(['A title and nothing else']);
    const png = svgToPng(layout.svg);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(png.length).toBeLessThan(150 * 1024);
  });

  it("turns a chart's text into outlines in the same place, keeping its class", () => {
    const svg = '<svg viewBox="0 0 300 100"><text class="t-ink t-bold" x="10" y="20" font-size="15" text-anchor="end">Migrant &amp; more<tspan x="10" dy="18">ក្រុមគ្រួសារ</tspan></text><rect class="s0" x="0" y="40" width="10" height="10"/></svg>';
    const out = chartTextToPaths(svg, ts);
    expect(out).not.toContain('<text');
    expect(out).toContain('<g class="t-ink t-bold"><path');
    expect(out).toContain('<rect class="s0"');
    // One path a line, its glyphs moved into place: both lines end at x = 10 (text-anchor end), the second 18 px lower.
    const boxes = [...out.matchAll(/<path d="([^"]*)"/g)].map((m) => {
      const pairs = [...m[1].matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])]);
      const xs = pairs.map((p) => p[0]);
      const ys = pairs.map((p) => p[1]);
      return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
    });
    expect(boxes).toHaveLength(2);
    for (const [box, baseline] of [[boxes[0], 20], [boxes[1], 38]] as const) {
      expect(box.maxX).toBeLessThanOrEqual(10.5);
      expect(box.maxX).toBeGreaterThan(5);
      expect(box.minX).toBeLessThan(-40); // a long line ending at 10 starts far to the left
      expect(box.minY).toBeGreaterThan(baseline - 20);
      expect(box.minY).toBeLessThan(baseline - 5); // letters stand above the baseline
      expect(box.maxY).toBeLessThan(baseline + 9); // Khmer subscripts hang a little below it
    }
  });
});

describe('card colours and chart styles', () => {
  it("take the light theme's tokens and the chart classes of charts.css", () => {
    const colors = lightColors(':root{--color-ink: light-dark(#1b1b1b, #eef1f4); --color-series-0: light-dark(#0a5572, #56b4e9);}');
    expect(colors).toEqual({ ink: '#1b1b1b', 'series-0': '#0a5572' });
    const css = chartStyles('.chart-svg .s0, .m-better { fill: var(--color-series-0); }\n.chart-svg .t-bold { font-weight: var(--weight-bold); }\n.chart { margin: 0; }', colors);
    expect(css).toBe('.s0, .m-better{fill: #0a5572;}');
  });
});

describe('a card kept from an earlier build', () => {
  const spec: CardSpec = { kind: 'report', lang: 'km', contentLang: 'km', kicker: 'របាយការណ៍', title: 'ក្រុមគ្រួសារ', text: 'Text', footer: 'Site' };
  it('is found by its spec while the spec and everything that draws it are the same', () => {
    expect(specKey(spec)).toBe(specKey({ ...spec }));
    expect(specKey({ ...spec, title: 'ក្រុមគ្រួសារ ' })).not.toBe(specKey(spec));
    expect(specKey({ ...spec, charts: [{ svg: '<svg/>', fontSize: 15 }] })).not.toBe(specKey(spec));
  });
  it('is drawn again when the code, the colours, the fonts or a package change', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'card-inputs-'));
    try {
      for (const file of CARD_INPUTS) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), readFileSync(file));
      }
      const before = specKey(spec, root);
      expect(before).toBe(specKey(spec));
      expect(CARD_INPUTS).toEqual(expect.arrayContaining(['src/lib/share/card.ts', 'src/styles/tokens.css', 'src/config/site.json', 'package-lock.json']));
      // Each root's inputs are read once per build; a second root stands for the next build after an edit.
      const edited = mkdtempSync(path.join(tmpdir(), 'card-inputs-'));
      cpSync(root, edited, { recursive: true });
      writeFileSync(path.join(edited, 'src/styles/tokens.css'), readFileSync('src/styles/tokens.css', 'utf8').replace('--color-ink', '--color-ink-changed'));
      expect(specKey(spec, edited)).not.toBe(before);
      rmSync(edited, { recursive: true, force: true });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the card process', () => {
  const spec: CardSpec = { kind: 'report', lang: 'km', contentLang: 'km', kicker: 'របាយការណ៍', title: 'កុមារ និងគ្រួសារ ដែលនៅសល់', text: 'Migrant households earn USD 1,762 a year.', footer: 'Site' };

  it('draws in a child process the same PNG this process draws, and keeps it under its spec', async () => {
    const here = mkdtempSync(path.join(tmpdir(), 'cards-here-'));
    const child = mkdtempSync(path.join(tmpdir(), 'cards-child-'));
    const env = process.env.ASTRO_CACHE_DIR;
    try {
      process.env.ASTRO_CACHE_DIR = here;
      const drawnHere = readFileSync(await drawCard(spec, 'test'));
      process.env.ASTRO_CACHE_DIR = child;
      const fromChild = await cardPng('km/reports/test', spec);
      expect(fromChild.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(fromChild.equals(drawnHere)).toBe(true);
      // A second build finds it by its spec, before any layout.
      expect(readFileSync(specFile(spec)).equals(fromChild)).toBe(true);
    } finally {
      if (env === undefined) delete process.env.ASTRO_CACHE_DIR;
      else process.env.ASTRO_CACHE_DIR = env;
      rmSync(here, { recursive: true, force: true });
      rmSync(child, { recursive: true, force: true });
    }
  });

  it('fails a card it cannot lay out with the reason, and draws the next one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cards-bad-'));
    const env = process.env.ASTRO_CACHE_DIR;
    try {
      process.env.ASTRO_CACHE_DIR = dir;
      const broken = { ...spec, title: undefined } as unknown as CardSpec;
      await expect(cardPng('km/reports/broken', broken)).rejects.toThrow(/Share card not drawn: .+/);
      const next = await cardPng('km/reports/next', { ...spec, title: 'Next' });
      expect(next.subarray(1, 4).toString('latin1')).toBe('PNG');
    } finally {
      if (env === undefined) delete process.env.ASTRO_CACHE_DIR;
      else process.env.ASTRO_CACHE_DIR = env;
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('starts a new process when one has died, so later cards are still drawn', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cards-crash-'));
    const env = process.env.ASTRO_CACHE_DIR;
    const cardProcesses = () =>
      readdirSync('/proc')
        .filter((pid) => /^\d+$/.test(pid))
        .filter((pid) => {
          try {
            const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
            return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('card-process.mjs');
          } catch {
            return false;
          }
        })
        .map(Number);
    try {
      process.env.ASTRO_CACHE_DIR = dir;
      await cardPng('km/reports/before', { ...spec, title: 'Before' });
      const before = cardProcesses();
      expect(before.length).toBeGreaterThan(0);
      for (const pid of before) process.kill(pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 200));
      const after = await cardPng('km/reports/after', { ...spec, title: 'After' });
      expect(after.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(cardProcesses().some((pid) => !before.includes(pid))).toBe(true);
    } finally {
      if (env === undefined) delete process.env.ASTRO_CACHE_DIR;
      else process.env.ASTRO_CACHE_DIR = env;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('which card a page uses', () => {
  const key = (p: string, base = '/') => cardKey(p, ['en', 'km'], 'en', base);
  it.each([
    ['/en/', 'en/site'],
    ['/', 'en/site'],
    ['/km/reports/miccaf/', 'km/reports/miccaf'],
    ['/km/reports/', 'km/site'],
    ['/en/briefs/miccaf-key-findings/', 'en/briefs/miccaf-key-findings'],
    ['/en/briefs/miccaf-key-findings/present/', 'en/briefs/miccaf-key-findings'],
    ['/km/findings/miccaf-household-income/', 'km/findings/miccaf-household-income'],
    ['/en/embed/miccaf-household-income/', 'en/findings/miccaf-household-income'],
    ['/km/recommendations/theme/health/', 'km/recommendations/theme/health'],
    ['/km/recommendations/', 'km/site'],
    ['/en/glossary/', 'en/site'],
    ['/404.html', 'en/site'],
  ])('%s uses og/%s.png', (page, expected) => {
    expect(key(page)).toBe(expected);
  });
  it('under a base path too', () => {
    expect(key('/research/km/reports/miccaf/', '/research/')).toBe('km/reports/miccaf');
    expect(cardHref('km/reports/miccaf', '/research/')).toBe('/research/og/km/reports/miccaf.png');
  });
});

describe('indexed PNG', () => {
  it('holds the exact pixels of a picture of few colours, in a palette', async () => {
    const { indexedPng } = await import('../../src/lib/share/png.mjs');
    const { inflateSync } = await import('node:zlib');
    const [w, h] = [7, 3];
    const colours = [[255, 255, 255], [10, 85, 114], [27, 27, 27], [200, 100, 0]];
    const rgba = new Uint8Array(w * h * 4);
    for (let p = 0; p < w * h; p++) rgba.set([...colours[(p * 5) % 4], 255], p * 4);
    const png = indexedPng(rgba, w, h)!;
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([w, h, 8, 3]);
    // Read the palette and the rows back, and compare every pixel.
    const at = (type: string) => png.indexOf(type, 8, 'latin1');
    const palette = png.subarray(at('PLTE') + 4, at('PLTE') + 4 + png.readUInt32BE(at('PLTE') - 4));
    const rows = inflateSync(png.subarray(at('IDAT') + 4, at('IDAT') + 4 + png.readUInt32BE(at('IDAT') - 4)));
    expect(palette.length).toBe(12);
    for (let y = 0; y < h; y++) {
      expect(rows[y * (w + 1)]).toBe(0);
      for (let x = 0; x < w; x++) {
        const i = rows[y * (w + 1) + 1 + x];
        expect([...palette.subarray(i * 3, i * 3 + 3)]).toEqual(colours[((y * w + x) * 5) % 4]);
      }
    }
  });
  it('gives up on a picture of more than 256 colours', async () => {
    const { indexedPng } = await import('../../src/lib/share/png.mjs');
    const rgba = new Uint8Array(300 * 4);
    for (let p = 0; p < 300; p++) rgba.set([p & 255, p >> 8, 0, 255], p * 4);
    expect(indexedPng(rgba, 300, 1)).toBeUndefined();
  });
});
