/**
 * @font-face rules and font stacks from the site config. A device's own face comes first (its installed
 * families, then the configured names, as local() in the rule); the self-hosted file from npm is the last resort,
 * and unicode-range keeps a page from fetching a face for characters it does not contain. While a file loads,
 * fallback faces over common system fonts, scaled to the file's metrics, hold its place so the swap moves nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FontConfig, LocaleConfig } from '../config/site-config';
import fallbackData from './fallback-metrics.json' with { type: 'json' };
import { averageWidth, fallbackOverrides, readFontMetrics, type FontMetrics } from './font-metrics';

/** Public file name of a font file: its basename in the npm package. */
export function fontFileName(npmPath: string): string {
  return path.basename(npmPath);
}

/**
 * local() names of a face of the given weight: the device's installed families first (a bold face by its
 * "<family> Bold" full name), then the configured names. In the rule rather than in the font stack, because a
 * family name in the stack is tried for every character before the faces after it: Khmer text walked past the
 * Latin fallback faces and the absent families first, which made a Khmer page's first layout longer (see
 * README, Fonts and Khmer, for the figures).
 */
function localNames(font: FontConfig, weight: string): string[] {
  const system = font.systemFamilies.map((family) => (weight === '400' ? family : weight === '700' ? `${family} Bold` : null)).filter((n): n is string => n !== null);
  const configured = Array.isArray(font.local) ? font.local : (font.local[weight] ?? []);
  return [...new Set([...system, ...configured])];
}

export function fontFaceCss(font: FontConfig, urlFor: (fileName: string) => string): string {
  return Object.entries(font.files)
    .map(([weight, file]) => {
      const sources = [...localNames(font, weight).map((name) => `local(${JSON.stringify(name)})`), `url(${JSON.stringify(urlFor(fontFileName(file)))}) format("woff2")`];
      return `@font-face{font-family:${JSON.stringify(font.family)};font-style:normal;font-weight:${weight};font-display:swap;src:${sources.join(',')};unicode-range:${font.unicodeRange}}`;
    })
    .join('');
}

interface Fallback {
  name: string;
  local: Record<string, string[]>;
  metrics: Record<string, Pick<FontMetrics, 'unitsPerEm' | 'widths'>>;
}
const FALLBACKS = fallbackData.fallbacks as Fallback[];
const FREQUENCIES = fallbackData.frequencies as Record<string, number>;

/** Family name of the face that stands in for `font` over a system font. */
export function fallbackFamily(font: FontConfig, fallbackName: string): string {
  return `${font.family} fallback ${fallbackName}`;
}

/** Family name of the face that draws bold text with the regular file while the bold file loads. */
export function regularFallbackFamily(font: FontConfig): string {
  return `${font.family} regular`;
}

const metricsCache = new Map<string, FontMetrics>();
function fileMetrics(absolute: string): FontMetrics {
  let metrics = metricsCache.get(absolute);
  if (!metrics) {
    metrics = readFontMetrics(readFileSync(absolute), Object.keys(FREQUENCIES));
    metricsCache.set(absolute, metrics);
  }
  return metrics;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** Every character of a unicode-range value ("U+1780-17FF, U+25CC"). */
export function unicodeRangeChars(range: string): string[] {
  return range.split(',').flatMap((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16));
    return Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
  });
}

/** Average advance of the bold file over the regular one, over the characters of the range both draw with a width (marks left out). */
function boldWidthRatio(regularFile: string, boldFile: string, range: string): number {
  const chars = unicodeRangeChars(range);
  const regular = readFontMetrics(readFileSync(regularFile), chars);
  const bold = readFontMetrics(readFileSync(boldFile), chars);
  const both = Object.fromEntries(chars.filter((c) => regular.widths[c] && bold.widths[c]).map((c) => [c, 1]));
  return averageWidth(bold, both) / averageWidth(regular, both);
}

/**
 * @font-face rules for the font's fallbacks: each system font under its own family, per weight, with
 * size-adjust and ascent, descent and line-gap overrides computed from the font's own file in node_modules.
 */
export function fallbackFaceCss(font: FontConfig, nodeModules: string, urlFor: (fileName: string) => string): string {
  let css = '';
  const regular = font.files['400'];
  if (font.boldFromRegularWhileLoading && regular) {
    // Declared as regular only, so bold text matched to it is made bold by the browser; that keeps the regular
    // advances, so size-adjust widens it by how much wider the bold file's characters are on average.
    const sources = [...localNames(font, '400').map((name) => `local(${JSON.stringify(name)})`), `url(${JSON.stringify(urlFor(fontFileName(regular)))}) format("woff2")`];
    const bold = font.files['700'];
    const sizeAdjust = bold ? boldWidthRatio(path.join(nodeModules, regular), path.join(nodeModules, bold), font.unicodeRange) : 1;
    css += `@font-face{font-family:${JSON.stringify(regularFallbackFamily(font))};font-style:normal;font-weight:400;font-display:swap;src:${sources.join(',')};size-adjust:${pct(sizeAdjust)};unicode-range:${font.unicodeRange}}`;
  }
  for (const name of font.fallbacks) {
    const fallback = FALLBACKS.find((f) => f.name === name);
    if (!fallback) {
      throw new Error(`Font "${font.family}": fallback "${name}" has no metrics in src/lib/fonts/fallback-metrics.json (it has ${FALLBACKS.map((f) => f.name).join(', ')}).`);
    }
    for (const [weight, file] of Object.entries(font.files)) {
      if (!fallback.metrics[weight] || !fallback.local[weight]) continue;
      const o = fallbackOverrides(fileMetrics(path.join(nodeModules, file)), fallback.metrics[weight], FREQUENCIES);
      const src = fallback.local[weight].map((n) => `local(${JSON.stringify(n)})`).join(',');
      css +=
        `@font-face{font-family:${JSON.stringify(fallbackFamily(font, name))};font-style:normal;font-weight:${weight};src:${src};` +
        `size-adjust:${pct(o.sizeAdjust)};ascent-override:${pct(o.ascentOverride)};descent-override:${pct(o.descentOverride)};line-gap-override:${pct(o.lineGapOverride)}}`;
    }
  }
  return css;
}

const GENERIC_TAIL = ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', 'sans-serif'];

/**
 * font-family value for a language: each configured font's own face (its unicode-range keeps it to its script),
 * then the faces that stand in for them while their files load, then the generic families. Every script
 * reaches its own face before any stand-in, so no character is looked up in another script's fallbacks.
 */
export function fontStack(locale: LocaleConfig, fonts: Record<string, FontConfig>): string {
  const own: string[] = [];
  const standIns: string[] = [];
  for (const key of locale.fonts) {
    const font = fonts[key];
    own.push(JSON.stringify(font.family));
    if (font.boldFromRegularWhileLoading) own.push(JSON.stringify(regularFallbackFamily(font)));
    standIns.push(...font.fallbacks.map((name) => JSON.stringify(fallbackFamily(font, name))));
  }
  return [...own, ...standIns, ...GENERIC_TAIL].join(',');
}

/** The key of the font of a language's own script: its preload font, or the last font it lists. */
function ownFontKey(locale: LocaleConfig): string {
  return locale.preloadFont ?? locale.fonts[locale.fonts.length - 1];
}

/** The file a page in this language preloads first: the regular (or first) weight of its preload font, by public name. */
export function preloadFile(locale: LocaleConfig, fonts: Record<string, FontConfig>): string {
  const font = fonts[ownFontKey(locale)];
  return fontFileName(font.files['400'] ?? Object.values(font.files)[0]);
}

/**
 * Every file a page in this language preloads: the regular file of its own script's font, then each weight of
 * the other fonts it mixes into its lines (Latin names and figures on a Khmer page).
 * - Mixed lines: a Latin file that arrived after the Khmer one re-wrapped the lines that mix both (a Khmer
 *   report's lede grew from 210 to 245 px at 412 px wide, its title by a line), a layout shift of 0.06.
 * - Cost: Noto Sans is rarely a device's own face (Android has Roboto, Apple and Windows their own), so those
 *   files are downloaded anyway; preloaded, they come with the page instead of after its style sheets.
 * - Bold of the own script is not preloaded: it is drawn from the regular file while it loads, and most
 *   devices that read Khmer have a Khmer face of their own, which `local()` uses.
 */
export function preloadFiles(locale: LocaleConfig, fonts: Record<string, FontConfig>): string[] {
  const own = ownFontKey(locale);
  const mixedIn = locale.fonts.filter((key) => key !== own).flatMap((key) => Object.values(fonts[key].files).map(fontFileName));
  return [preloadFile(locale, fonts), ...mixedIn];
}

/** Every font file the site serves: public name -> absolute path in node_modules. */
export function fontFiles(fonts: Record<string, FontConfig>, nodeModules: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const font of Object.values(fonts)) {
    for (const file of Object.values(font.files)) files.set(fontFileName(file), path.join(nodeModules, file));
  }
  return files;
}
