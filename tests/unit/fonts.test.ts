import { describe, expect, it } from 'vitest';
import { fontFaceCss, fontFiles, fontStack } from '../../src/lib/fonts/font-faces';
import { loadSiteConfig } from '../../src/lib/config/site-config';

const config = loadSiteConfig({});
const km = config.locales.find((l) => l.code === 'km')!;

describe('Khmer font loading', () => {
  it('tries the device\'s own Khmer faces before the self-hosted file', () => {
    const stack = fontStack(km, config.fonts);
    expect(stack.indexOf('"Khmer UI"')).toBeGreaterThan(-1);
    expect(stack.indexOf('"Khmer UI"')).toBeLessThan(stack.indexOf('"Site Khmer"'));
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
