/**
 * The site icon, as a data: URL in each page's head. A linked icon is one more request while the page loads,
 * and Chromium parses an SVG icon as a document of its own on the page's main thread (about 16 ms a load on
 * this project's machine, see README, Performance); a small PNG drawn once at build time from
 * public/favicon.svg costs neither.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/** Pixels a side: a tab shows the icon at 16 CSS px, so 32 serves screens of two device pixels a px. */
export const ICON_SIZE = 32;

/** An SVG drawn as a square PNG of `size` pixels, as a data: URL. */
export function iconPngDataUrl(svg: string, size = ICON_SIZE): string {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

let siteIcon: string | undefined;
/** public/favicon.svg as a PNG data: URL, drawn once a build. */
export function siteIconDataUrl(): string {
  return (siteIcon ??= iconPngDataUrl(readFileSync(path.resolve('public/favicon.svg'), 'utf8')));
}
