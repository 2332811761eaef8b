/**
 * Text for share cards, shaped by HarfBuzz (harfbuzzjs, WebAssembly) and drawn as glyph outlines, so that the
 * PNG renderer needs no fonts and Khmer comes out as Khmer: subscript consonants under their base, vowels
 * before, above and below it, never boxes. The fonts are the site's own (src/config/site.json, from the npm
 * @fontsource packages); they ship as WOFF2, which HarfBuzz cannot read, so wawoff2 (Google's decoder, built
 * to WebAssembly) turns each into the TrueType font inside it at build time.
 *
 * Each character is drawn with the first of the site's fonts whose unicode-range holds it (Khmer with the
 * Khmer face, digits and Latin with the Latin one), as a browser would.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as hb from 'harfbuzzjs';
import decompress from 'wawoff2/decompress.js';
import { siteConfig } from '../config/site-config';
import { unicodeRangeChars } from '../fonts/font-faces';
import type { Measure } from './wrap';

export type Weight = 400 | 700;

interface Face {
  key: string;
  font: hb.Font;
  upem: number;
  covers: Set<number> | null;
  /** Each drawn glyph's outline, read once: its commands (M, L, Q, C, Z) and their coordinates in font units. */
  paths: Map<number, Outline | null>;
}

export interface PlacedGlyph {
  face: Face;
  glyph: number;
  /** Index (in code points) of the character the glyph comes from. */
  cluster: number;
  /** Pen position in font units from the start of the text. */
  x: number;
  y: number;
}

export interface ShapedText {
  glyphs: PlacedGlyph[];
  /** Advance width in font units of 1000 per em. */
  advance: number;
}

export interface Typesetter {
  /** Width of a text in px at a font size. */
  width(text: string, size: number, weight: Weight): number;
  /** A Measure for wrapText at one size and weight. */
  measure(size: number, weight: Weight): Measure;
  /** Characters of a text that no face has a glyph for (left out of the drawing, never drawn as boxes). */
  missing(text: string, weight: Weight): string[];
  /** SVG paths for a text whose baseline starts at (x, y); anchor "end" or "middle" aligns it there instead. */
  draw(text: string, x: number, y: number, size: number, weight: Weight, anchor?: 'start' | 'middle' | 'end'): string;
}

const r = (n: number) => Math.round(n * 100) / 100;

interface Outline {
  commands: string[];
  /** Each command's x, y pairs, in order. */
  coords: number[][];
}

/** A glyph's SVG path (as harfbuzz draws it: absolute M, L, Q, C and Z) read into commands and numbers. */
export function readOutline(d: string): Outline | null {
  if (!d) return null;
  const commands: string[] = [];
  const coords: number[][] = [];
  for (const m of d.matchAll(/([MLQCZ])([^MLQCZ]*)/g)) {
    commands.push(m[1]);
    coords.push(m[2].trim() ? m[2].trim().split(/[\s,]+/).map(Number) : []);
  }
  return { commands, coords };
}

/** The fonts' bytes, as TrueType, read once per build. */
async function loadFaces(nodeModules = path.resolve('node_modules')): Promise<Record<Weight, Face[]>> {
  const config = siteConfig();
  // Scripts with their own face first (a character in its range uses it), the face for everything else last.
  const fonts = Object.entries(config.fonts).sort(([, a], [, b]) => Number(a.unicodeRange.includes('0000')) - Number(b.unicodeRange.includes('0000')));
  const faces: Record<Weight, Face[]> = { 400: [], 700: [] };
  for (const weight of [400, 700] as const) {
    for (const [key, font] of fonts) {
      const file = font.files[String(weight)] ?? font.files['400'];
      const ttf = await decompress(await readFile(path.join(nodeModules, file)));
      const face = new hb.Face(new hb.Blob(ttf.buffer.slice(ttf.byteOffset, ttf.byteOffset + ttf.byteLength) as ArrayBuffer));
      const covers = font.unicodeRange.includes('0000') ? null : new Set(unicodeRangeChars(font.unicodeRange).map((c) => c.codePointAt(0)!));
      faces[weight].push({ key, font: new hb.Font(face), upem: face.upem, covers, paths: new Map() });
    }
  }
  return faces;
}

/** Runs of text that one face draws. */
function itemize(text: string, faces: Face[]): { face: Face; text: string }[] {
  const runs: { face: Face; text: string }[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // Spaces and joiners stay in the run they are in, so a Khmer phrase is shaped as one run.
    const keep = runs.length && /[\s\u200b-\u200d\u2060]/.test(ch);
    const face = keep ? runs[runs.length - 1].face : (faces.find((f) => f.covers?.has(code)) ?? faces.find((f) => f.covers === null)!);
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += ch;
    else runs.push({ face, text: ch });
  }
  return runs;
}

function shapeRun(face: Face, text: string): { glyph: number; cluster: number; xAdvance: number; xOffset: number; yOffset: number }[] {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(face.font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  // HarfBuzz counts clusters in UTF-16 code units; the caller counts code points.
  const codePointAt = utf16ToCodePoint(text);
  return infos.map((info, i) => ({ glyph: info.codepoint, cluster: codePointAt[info.cluster] ?? 0, ...positions[i] }));
}

function utf16ToCodePoint(text: string): number[] {
  const map: number[] = [];
  let cp = 0;
  for (const ch of text) {
    for (let k = 0; k < ch.length; k++) map.push(cp);
    cp++;
  }
  return map;
}

export function makeTypesetter(faces: Record<Weight, Face[]>): Typesetter {
  const cache = new Map<string, ShapedText>();
  const shape = (text: string, weight: Weight): ShapedText => {
    const key = `${weight}|${text}`;
    let shaped = cache.get(key);
    if (shaped) return shaped;
    const glyphs: PlacedGlyph[] = [];
    let pen = 0;
    let start = 0;
    for (const run of itemize(text, faces[weight])) {
      const scale = 1000 / run.face.upem;
      for (const g of shapeRun(run.face, run.text)) {
        glyphs.push({ face: run.face, glyph: g.glyph, cluster: start + g.cluster, x: pen + g.xOffset * scale, y: g.yOffset * scale });
        pen += g.xAdvance * scale;
      }
      start += [...run.text].length;
    }
    cache.set(key, (shaped = { glyphs, advance: pen }));
    return shaped;
  };
  const width = (text: string, size: number, weight: Weight) => (shape(text, weight).advance * size) / 1000;
  return {
    width,
    measure: (size, weight) => (text) => width(text, size, weight),
    missing: (text, weight) => {
      const chars = [...text];
      return [...new Set(shape(text, weight).glyphs.filter((g) => g.glyph === 0).map((g) => chars[g.cluster] ?? ''))].filter((c) => !/\s/.test(c));
    },
    draw(text, x, y, size, weight, anchor = 'start') {
      const shaped = shape(text, weight);
      const total = (shaped.advance * size) / 1000;
      const x0 = anchor === 'end' ? x - total : anchor === 'middle' ? x - total / 2 : x;
      // One path for the whole text, each glyph's outline moved and scaled into place: a rasteriser fills
      // it in one pass instead of one per glyph (a card drew about a third faster). Outlines of one font
      // all turn the same way, so where glyphs overlap (a Khmer subscript under its base) they still fill.
      let d = '';
      for (const g of shaped.glyphs) {
        // Glyph 0 is the font's "missing" box: a character no face has is left out rather than drawn as one.
        if (g.glyph === 0) continue;
        let outline = g.face.paths.get(g.glyph);
        if (outline === undefined) g.face.paths.set(g.glyph, (outline = readOutline(g.face.font.glyphToPath(g.glyph))));
        if (!outline) continue;
        const s = size / g.face.upem;
        const dx = x0 + (g.x * size) / 1000;
        // Font outlines point up; SVG's y axis points down.
        const dy = y - (g.y * size) / 1000;
        outline.commands.forEach((command, i) => {
          const xy = outline.coords[i];
          d += command;
          for (let k = 0; k < xy.length; k += 2) d += `${k ? ' ' : ''}${r(dx + xy[k] * s)},${r(dy - xy[k + 1] * s)}`;
        });
      }
      return d ? `<path d="${d}"/>` : '';
    },
  };
}

let shared: Promise<Typesetter> | undefined;

/** The build's typesetter: the site's fonts loaded and decoded once. */
export function typesetter(): Promise<Typesetter> {
  return (shared ??= loadFaces().then(makeTypesetter));
}
