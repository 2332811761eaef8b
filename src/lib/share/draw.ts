/**
 * One share card drawn into the build cache: laid out (card.ts, with text shaped by typeset.ts) and
 * rasterised by resvg (@resvg/resvg-js, a prebuilt native module from npm), with colours from the design
 * tokens and the chart classes of charts.css. Runs in the card process (card-process.mjs), not in the
 * build's own, so its memory goes back to the system when that process ends.
 * A card already drawn from the same SVG is taken from the cache, and kept under its spec's name too
 * (card-key.ts), which the build looks for before it asks for a card at all.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { cardSvg, type CardColors, type CardSpec } from './card';
import { typesetter } from './typeset';
import { indexedPng } from './png.mjs';
import { RENDER_VERSION, cardCacheDir, specFile } from './card-key';

/** The light theme's value of each --color-* token in tokens.css. */
export function lightColors(tokensCss: string): Record<string, string> {
  const colors: Record<string, string> = {};
  for (const m of tokensCss.matchAll(/--color-([\w-]+):\s*light-dark\(\s*([^,\s]+)\s*,/g)) colors[m[1]] = m[2];
  return colors;
}

/** charts.css rules for the classes inside a chart's SVG, with the tokens' light values in place of var(). */
export function chartStyles(chartsCss: string, colors: Record<string, string>): string {
  const rules: string[] = [];
  for (const m of chartsCss.matchAll(/^([^{}@/]*(?:\.chart-svg|\.m-|\.thumb-)[^{}]*)\{([^}]*)\}/gm)) {
    const selector = m[1].replace(/\.chart-(?:svg|thumb) /g, '').trim();
    // Fonts do not matter (the card draws text as outlines); colours become the light theme's values.
    const body = m[2]
      .replace(/font-[\w-]+:[^;]*;?/g, '')
      .replace(/var\(--color-([\w-]+)\)/g, (_, name: string) => colors[name] ?? 'currentColor')
      .trim();
    if (body && !/var\(/.test(body)) rules.push(`${selector}{${body}}`);
  }
  return rules.join('');
}

let style: { colors: CardColors; chartCss: string } | undefined;
function cardStyle() {
  if (style) return style;
  const tokens = lightColors(readFileSync(path.resolve('src/styles/tokens.css'), 'utf8'));
  const need = ['paper', 'ink', 'ink-muted', 'accent', 'line'].filter((k) => !tokens[k]);
  if (need.length) throw new Error(`src/styles/tokens.css: share cards need the colour tokens ${need.map((k) => `--color-${k}`).join(', ')} written light-dark(light, dark).`);
  const colors = { paper: tokens.paper, ink: tokens.ink, muted: tokens['ink-muted'], accent: tokens.accent, line: tokens.line };
  return (style = { colors, chartCss: chartStyles(readFileSync(path.resolve('src/styles/charts.css'), 'utf8'), tokens) });
}

/** An SVG to PNG bytes. A card has a few dozen colours: an indexed PNG holds them exactly; resvg's own RGBA PNG if ever it has more. */
export function svgToPng(svg: string): Buffer {
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, background: 'white' }).render();
  return indexedPng(image.pixels, image.width, image.height) ?? Buffer.from(image.asPng());
}

/** Draws the card (or finds it drawn) and returns the path of its PNG in the cache. `name` says which card in a warning. */
export async function drawCard(spec: CardSpec, name: string): Promise<string> {
  const { colors, chartCss } = cardStyle();
  const ts = await typesetter();
  const missing = ts.missing([spec.kicker, spec.title, spec.text ?? '', spec.footer].join(' '), 700);
  if (missing.length) console.warn(`Share card ${name}: no font of src/config/site.json has ${missing.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ')}; left out of the card.`);
  const bySpec = specFile(spec);
  const { svg } = cardSvg(spec, ts, colors, spec.charts?.length ? chartCss : '');
  const key = createHash('sha256').update(`${RENDER_VERSION}\n${svg}`).digest('hex').slice(0, 32);
  const cached = path.join(cardCacheDir(), `${key}.png`);
  if (!existsSync(cached)) {
    const png = svgToPng(svg);
    mkdirSync(cardCacheDir(), { recursive: true });
    writeFileSync(cached, png);
  }
  keepAs(cached, bySpec);
  return cached;
}

/** A second name for a cached PNG (a hard link, so no second copy of its bytes). */
function keepAs(file: string, name: string): void {
  try {
    linkSync(file, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') copyFileSync(file, name);
  }
}
