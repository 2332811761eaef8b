import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fallbackFaceCss, fontFaceCss, fontFiles, fontStack, preloadFile, preloadFiles } from '../../src/lib/fonts/font-faces';
import { fallbackOverrides, readFontMetrics } from '../../src/lib/fonts/font-metrics';
import { loadSiteConfig } from '../../src/lib/config/site-config';

const config = loadSiteConfig({});
const km = config.locales.find((l) => l.code === 'km')!;

describe('Khmer font loading', () => {
  it('tries the device\'s own Khmer faces before the self-hosted file, bold by its bold name', () => {
    const [regular, bold] = fontFaceCss(config.fonts.khmer, (f) => `/fonts/${f}`).split('}@font-face');
    expect(regular).toMatch(/src:local\("Khmer UI"\),local\("Khmer Sangam MN"\),.*local\("Noto Sans Khmer"\),.*url\(/);
    expect(regular.match(/local\("Noto Sans Khmer"\)/g)).toHaveLength(1);
    expect(bold).toMatch(/font-weight:700;.*src:local\("Khmer UI Bold"\),.*local\("Noto Sans Khmer Bold"\),.*url\(/);
  });
  it('reaches each script\'s own face before any face that stands in while a file loads', () => {
    const stack = fontStack(km, config.fonts).split(',');
    const firstStandIn = stack.findIndex((f) => f.includes(' fallback '));
    expect(stack.slice(0, firstStandIn)).toEqual(['"Site Sans"', '"Site Khmer"', '"Site Khmer regular"']);
    expect(stack).not.toContain('"Khmer UI"');
  });
  it('puts local() before url() and limits the face to Khmer characters', () => {
    const css = fontFaceCss(config.fonts.khmer, (f) => `/fonts/${f}`);
    const rule = css.split('}@font-face')[0];
    expect(rule.indexOf('local("Noto Sans Khmer")')).toBeLessThan(rule.indexOf('url("/fonts/noto-sans-khmer-khmer-400-normal.woff2")'));
    expect(rule).toContain('unicode-range:U+1780-17FF');
    expect(rule).toContain('font-display:swap');
  });
  it('serves each configured file under its npm file name', () => {
    const files = fontFiles(config.fonts, '/nm');
    expect(files.get('noto-sans-khmer-khmer-700-normal.woff2')).toBe('/nm/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff2');
  });
});

describe('fallback faces while a font file loads', () => {
  const latinRegular = readFileSync('node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2');

  it('reads units per em, hhea metrics and advances from a served WOFF2 file', () => {
    const m = readFontMetrics(latinRegular, ['a', ' ']);
    expect(m).toMatchObject({ unitsPerEm: 1000, ascent: 1069, descent: -293, lineGap: 0 });
    expect(m.widths.a).toBeGreaterThan(m.widths[' ']);
  });
  it('scales a system font to the same average width and gives it the font\'s ascent and descent', () => {
    const noto = readFontMetrics(latinRegular, ['a', 'b']);
    const narrower = { unitsPerEm: 1000, widths: { a: noto.widths.a / 2, b: noto.widths.b / 2 } };
    const o = fallbackOverrides(noto, narrower, { a: 3, b: 1 });
    expect(o.sizeAdjust).toBeCloseTo(2);
    // Overrides are scaled by size-adjust in the browser, so they are divided by it here.
    expect(o.ascentOverride * o.sizeAdjust).toBeCloseTo(1.069);
    expect(o.descentOverride * o.sizeAdjust).toBeCloseTo(0.293);
  });
  it('declares each configured fallback per weight over local() names only, with metric overrides', () => {
    const css = fallbackFaceCss(config.fonts.latin, path.resolve('node_modules'), (f) => `/fonts/${f}`);
    expect(css).toContain('font-family:"Site Sans fallback Arial";font-style:normal;font-weight:400;src:local("Arial")');
    expect(css).toContain('local("Liberation Sans Bold")');
    expect(css).toMatch(/size-adjust:\d+\.\d\d%;ascent-override:\d+\.\d\d%;descent-override:\d+\.\d\d%;line-gap-override:0\.00%/);
    expect(css).not.toContain('url(');
  });
  it('draws bold Khmer with the regular file while the bold file loads, widened to the bold width', () => {
    const css = fallbackFaceCss(config.fonts.khmer, path.resolve('node_modules'), (f) => `/fonts/${f}`);
    expect(css).toMatch(/font-family:"Site Khmer regular";font-style:normal;font-weight:400;.*url\("\/fonts\/noto-sans-khmer-khmer-400-normal\.woff2"\).*size-adjust:10\d\.\d\d%/);
    const stack = fontStack(km, config.fonts);
    expect(stack.indexOf('"Site Khmer"')).toBeLessThan(stack.indexOf('"Site Khmer regular"'));
  });
  it('preloads the regular file of the language\'s own script', () => {
    expect(preloadFile(km, config.fonts)).toBe('noto-sans-khmer-khmer-400-normal.woff2');
    expect(preloadFile(config.locales.find((l) => l.code === 'en')!, config.fonts)).toBe('noto-sans-latin-400-normal.woff2');
  });
  it('preloads the Latin files a Khmer page mixes into its lines, but not its bold Khmer (drawn from the regular meanwhile)', () => {
    expect(preloadFiles(km, config.fonts)).toEqual(['noto-sans-khmer-khmer-400-normal.woff2', 'noto-sans-latin-400-normal.woff2', 'noto-sans-latin-700-normal.woff2']);
    expect(preloadFiles(config.locales.find((l) => l.code === 'en')!, config.fonts)).toEqual(['noto-sans-latin-400-normal.woff2']);
  });
  it('fails with the font and the known names when a fallback has no metrics', () => {
    expect(() => fallbackFaceCss({ ...config.fonts.latin, fallbacks: ['Comic Sans'] }, 'node_modules', (f) => f)).toThrow(/"Site Sans": fallback "Comic Sans" has no metrics .* \(it has Arial, Roboto, DejaVu Sans\)/);
  });
});
