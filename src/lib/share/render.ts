/**
 * Share cards to PNG: the card's SVG (text already as outlines) rasterised by resvg (@resvg/resvg-js, a
 * prebuilt native module from npm) in a worker thread, with colours from the design tokens and the chart
 * classes of charts.css.
 * A card already rendered from the same SVG is taken from the cache (ASTRO_CACHE_DIR or node_modules/.astro,
 * under share-cards/), so a rebuild renders only what changed; one from the same spec, drawn by the same code
 * and fonts, is found there before it is even laid out (specKey).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { cardSvg, type CardColors, type CardSpec } from './card';
import { typesetter } from './typeset';
import { indexedPng } from './png.mjs';
import { buildCacheDir } from '../build/cache-dir';

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

/** Bumped when the look of a card changes in a way its SVG does not show (the renderer's settings). */
const RENDER_VERSION = 2;
const cacheDir = path.join(buildCacheDir(), 'share-cards');

/**
 * What a card's picture depends on besides its spec: the code that lays it out and draws it, the colours,
 * the fonts (site.json names them; the lockfile pins their packages, HarfBuzz's and resvg's). Read from
 * src/ as the rasterising worker is (builds run from the project's root).
 */
export const CARD_INPUTS = [
  'src/lib/share/card.ts',
  'src/lib/share/typeset.ts',
  'src/lib/share/wrap.ts',
  'src/lib/share/render.ts',
  'src/lib/share/png.mjs',
  'src/lib/share/raster-worker.mjs',
  'src/lib/charts/svg.ts',
  'src/lib/fonts/font-faces.ts',
  'src/styles/tokens.css',
  'src/styles/charts.css',
  'src/config/site.json',
  'package-lock.json',
];
const inputsDigests = new Map<string, string>();

/**
 * The name a card's PNG is also kept under, from its spec and CARD_INPUTS: a rebuild finds an unchanged card
 * without laying it out again (about 12 ms a card of shaping and outlines on the main thread).
 */
export function specKey(spec: CardSpec, root = process.cwd()): string {
  let inputs = inputsDigests.get(root);
  if (!inputs) {
    const hash = createHash('sha256').update(`${RENDER_VERSION}\n`);
    for (const file of CARD_INPUTS) {
      const full = path.join(root, file);
      hash.update(`${file}\n`).update(existsSync(full) ? readFileSync(full) : 'absent').update('\n');
    }
    inputsDigests.set(root, (inputs = hash.digest('hex')));
  }
  return createHash('sha256').update(inputs).update(JSON.stringify(spec)).digest('hex').slice(0, 32);
}

/** The steps raster-worker.mjs takes, on this thread (for tests). */
export function svgToPng(svg: string): Buffer {
  const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, background: 'white' }).render();
  // A card has a few dozen colours: an indexed PNG holds them exactly; resvg's own RGBA PNG if ever it has more.
  return indexedPng(image.pixels, image.width, image.height) ?? Buffer.from(image.asPng());
}

/**
 * One worker thread rasterises cards (raster-worker.mjs, the same steps as svgToPng), so that the second core
 * draws them while this thread goes on rendering pages. It holds the process open only while it has work.
 * resvg-js 2.6 keeps about 6 MB of native memory per card until the garbage collector happens to run (its
 * issue 216), so a worker draws at most CARDS_PER_WORKER cards and is then ended, which frees all of it.
 */
const CARDS_PER_WORKER = 50;
class Rasteriser {
  jobs = 0;
  private retired = false;
  // Read from src/ (builds run from the project's root): the bundled page code has no copy of it.
  private worker = new Worker(path.resolve('src/lib/share/raster-worker.mjs'));
  private waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>();
  private next = 0;
  constructor() {
    this.worker.unref();
    this.worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = this.waiting.get(id)!;
      this.waiting.delete(id);
      if (!this.waiting.size) {
        if (this.retired) void this.worker.terminate();
        else this.worker.unref();
      }
      if (error || !png) job.reject(new Error(`Share card not drawn: ${error}`));
      else job.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
    });
    this.worker.on('error', (error: Error) => [...this.waiting.values()].forEach((job) => job.reject(error)));
  }
  /** Takes no more cards; the worker ends once the ones it has are drawn. */
  retire() {
    this.retired = true;
    if (!this.waiting.size) void this.worker.terminate();
  }
  png(svg: string): Promise<Buffer> {
    this.jobs++;
    const id = this.next++;
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, svg });
    });
  }
}
let rasteriser: Rasteriser | undefined;

/** The card's PNG, drawn or found in the cache: the path of its file there. `name` says which card in a warning. */
async function cardFile(spec: CardSpec, name: string): Promise<string> {
  const { colors, chartCss } = cardStyle();
  const ts = await typesetter();
  const missing = ts.missing([spec.kicker, spec.title, spec.text ?? '', spec.footer].join(' '), 700);
  if (missing.length) console.warn(`Share card ${name}: no font of src/config/site.json has ${missing.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ')}; left out of the card.`);
  const bySpec = path.join(cacheDir, `spec-${specKey(spec)}.png`);
  if (existsSync(bySpec)) return bySpec;
  const { svg } = cardSvg(spec, ts, colors, spec.charts?.length ? chartCss : '');
  const key = createHash('sha256').update(`${RENDER_VERSION}\n${svg}`).digest('hex').slice(0, 32);
  const cached = path.join(cacheDir, `${key}.png`);
  if (existsSync(cached)) return keepAs(cached, bySpec);
  if (!rasteriser || rasteriser.jobs >= CARDS_PER_WORKER) {
    rasteriser?.retire();
    rasteriser = new Rasteriser();
  }
  const png = await rasteriser.png(svg);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, png);
  return keepAs(cached, bySpec);
}

/** A second name for a cached PNG (a hard link, so no second copy of its bytes). */
function keepAs(file: string, name: string): string {
  try {
    linkSync(file, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') copyFileSync(file, name);
  }
  return file;
}

/** Cards being drawn ahead of their endpoint (see drawAhead): the cache file each will be in. */
const ahead = new Map<string, Promise<string>>();

/**
 * Starts drawing cards in the background, two at a time (one drawn while the next is laid out), into the
 * cache. Astro asks every route for its paths before it renders any, and renders the card endpoint last
 * (see src/pages/[...og]/[card].png.ts), so the worker draws the cards on the second core while this thread
 * renders the pages, and each endpoint then finds its card drawn. Only file paths are kept, not the PNGs.
 */
export function drawAhead(cards: Iterable<{ key: string; spec: CardSpec }>): void {
  const queue = [...cards].filter((card) => !ahead.has(card.key));
  const settle = new Map<string, (file: Promise<string>) => void>();
  for (const card of queue) {
    const done = new Promise<string>((resolve) => settle.set(card.key, resolve));
    done.catch(() => {}); // a failure is reported by the card's endpoint, which awaits it
    ahead.set(card.key, done);
  }
  const drawNext = async () => {
    for (let card = queue.shift(); card; card = queue.shift()) {
      const file = cardFile(card.spec, `og/${card.key}.png`);
      settle.get(card.key)!(file);
      await file.catch(() => {});
    }
  };
  void drawNext();
  void drawNext();
}

/** The card of `key` as PNG bytes: drawn ahead if it was, else now. */
export async function cardPng(key: string, spec: CardSpec): Promise<Buffer> {
  const file = ahead.get(key) ?? cardFile(spec, `og/${key}.png`);
  ahead.delete(key);
  return readFileSync(await file);
}
