import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZE, iconPngDataUrl, siteIconDataUrl } from '../../src/lib/site/favicon';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(dataUrl: string): { width: number; height: number } {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('site icon', () => {
  it('is public/favicon.svg drawn as a 32 px PNG inside the page, with no file to fetch', () => {
    const url = siteIconDataUrl();
    expect(url).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(pngSize(url)).toEqual({ width: ICON_SIZE, height: ICON_SIZE });
    // Small enough to sit in every page's head.
    expect(url.length).toBeLessThan(1200);
  });

  it('follows the SVG: another background colour gives another icon', () => {
    const svg = readFileSync('public/favicon.svg', 'utf8');
    const fill = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1];
    expect(fill).toBeDefined();
    const red = iconPngDataUrl(svg.replace(fill!, '#ff0000'));
    expect(red).not.toBe(iconPngDataUrl(svg));
  });

  it('draws at the size asked for', () => {
    expect(pngSize(iconPngDataUrl('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>', 48))).toEqual({ width: 48, height: 48 });
  });
});
