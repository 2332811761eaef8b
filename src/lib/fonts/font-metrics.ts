/**
 * Reads the metrics a fallback face needs from a font file (WOFF2 as served, or TrueType/OpenType as
 * installed): units per em, the hhea ascender, descender and line gap, and the advance width of each
 * character asked for. Only the tables for that are read (head, hhea, hmtx, cmap); no shaping.
 */
import { brotliDecompressSync } from 'node:zlib';

export interface FontMetrics {
  unitsPerEm: number;
  /** hhea ascender, descender (negative) and line gap, in font units: what Chromium, Firefox and Safari use for line-height: normal. */
  ascent: number;
  descent: number;
  lineGap: number;
  /** Advance width in font units of each requested character the font has. */
  widths: Record<string, number>;
}

/** Tag order of the WOFF2 "known tables" index (WOFF2 spec, section 5.1). */
const WOFF2_TAGS =
  'cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
    .match(/.{4}\s?/g)!
    .map((t) => t.slice(0, 4));

type Tables = Map<string, { data: Buffer; transformed: boolean }>;

function readBase128(buf: Buffer, pos: { at: number }): number {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = buf[pos.at++];
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return value;
  }
  throw new Error('bad UIntBase128 in WOFF2 table directory');
}

function woff2Tables(buf: Buffer): Tables {
  const numTables = buf.readUInt16BE(12);
  const compressedLength = buf.readUInt32BE(20);
  const pos = { at: 48 };
  const entries: { tag: string; length: number; transformed: boolean }[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = buf[pos.at++];
    const tag = (flags & 0x3f) === 0x3f ? buf.toString('latin1', pos.at, (pos.at += 4)) : WOFF2_TAGS[flags & 0x3f];
    const version = flags >> 6;
    const origLength = readBase128(buf, pos);
    // glyf and loca are transformed unless version 3; any other table is transformed unless version 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0;
    const length = transformed ? readBase128(buf, pos) : origLength;
    entries.push({ tag, length, transformed });
  }
  if (buf.readUInt32BE(4) === 0x74746366) throw new Error('WOFF2 font collections are not supported');
  const stream = brotliDecompressSync(buf.subarray(pos.at, pos.at + compressedLength));
  const tables: Tables = new Map();
  let offset = 0;
  for (const e of entries) {
    tables.set(e.tag, { data: stream.subarray(offset, offset + e.length), transformed: e.transformed });
    offset += e.length;
  }
  return tables;
}

function sfntTables(buf: Buffer): Tables {
  const tables: Tables = new Map();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const offset = buf.readUInt32BE(at + 8);
    tables.set(buf.toString('latin1', at, at + 4), { data: buf.subarray(offset, offset + buf.readUInt32BE(at + 12)), transformed: false });
  }
  return tables;
}

/** Character code -> glyph id, from the best Unicode subtable of cmap (format 12, else format 4). */
function cmapLookup(cmap: Buffer): (code: number) => number {
  const count = cmap.readUInt16BE(2);
  const subtables: { offset: number; format: number }[] = [];
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) subtables.push({ offset, format: cmap.readUInt16BE(offset) });
  }
  const twelve = subtables.find((s) => s.format === 12);
  if (twelve) {
    const groups = cmap.readUInt32BE(twelve.offset + 12);
    return (code) => {
      for (let g = 0; g < groups; g++) {
        const at = twelve.offset + 16 + g * 12;
        const start = cmap.readUInt32BE(at);
        if (code >= start && code <= cmap.readUInt32BE(at + 4)) return cmap.readUInt32BE(at + 8) + code - start;
      }
      return 0;
    };
  }
  const four = subtables.find((s) => s.format === 4);
  if (!four) throw new Error('the font has no Unicode cmap subtable of format 4 or 12');
  const o = four.offset;
  const segments = cmap.readUInt16BE(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (code) => {
    for (let s = 0; s < segments; s++) {
      if (code > cmap.readUInt16BE(ends + s * 2)) continue;
      const start = cmap.readUInt16BE(starts + s * 2);
      if (code < start) return 0;
      const delta = cmap.readInt16BE(deltas + s * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Metrics of a WOFF2, TrueType or OpenType font, with the advance widths of `chars`. */
export function readFontMetrics(buf: Buffer, chars: Iterable<string>): FontMetrics {
  const signature = buf.toString('latin1', 0, 4);
  if (signature === 'wOFF') throw new Error('WOFF 1 files are not supported: use the .woff2 file');
  const tables = signature === 'wOF2' ? woff2Tables(buf) : sfntTables(buf);
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`the font has no ${tag} table`);
    return t;
  };
  const head = table('head').data;
  const hhea = table('hhea').data;
  const hmtx = table('hmtx');
  const numberOfHMetrics = hhea.readUInt16BE(34);
  // A transformed hmtx (WOFF2) starts with a flags byte; the advance widths follow unchanged.
  // Untransformed, each entry is an advance and a left side bearing (4 bytes).
  const advance = (glyph: number) => {
    const i = Math.min(glyph, numberOfHMetrics - 1);
    return hmtx.transformed ? hmtx.data.readUInt16BE(1 + 2 * i) : hmtx.data.readUInt16BE(4 * i);
  };
  const glyphOf = cmapLookup(table('cmap').data);
  const widths: Record<string, number> = {};
  for (const ch of chars) {
    const glyph = glyphOf(ch.codePointAt(0)!);
    if (glyph) widths[ch] = advance(glyph);
  }
  return { unitsPerEm: head.readUInt16BE(18), ascent: hhea.readInt16BE(4), descent: hhea.readInt16BE(6), lineGap: hhea.readInt16BE(8), widths };
}

/** Average advance width in em, weighted by how often each character occurs; characters the font lacks are left out. */
export function averageWidth(metrics: Pick<FontMetrics, 'unitsPerEm' | 'widths'>, frequencies: Record<string, number>): number {
  let width = 0;
  let total = 0;
  for (const [ch, n] of Object.entries(frequencies)) {
    if (metrics.widths[ch] === undefined) continue;
    width += (metrics.widths[ch] / metrics.unitsPerEm) * n;
    total += n;
  }
  if (!total) throw new Error('none of the sample characters is in the font');
  return width / total;
}

export interface FallbackOverrides {
  sizeAdjust: number;
  ascentOverride: number;
  descentOverride: number;
  lineGapOverride: number;
}

/**
 * Descriptors that make `fallback` take the room `font` takes: size-adjust scales its average width to the
 * font's, and the overrides give it the font's ascent, descent and line gap (divided by size-adjust, which
 * scales them too).
 */
export function fallbackOverrides(font: FontMetrics, fallback: Pick<FontMetrics, 'unitsPerEm' | 'widths'>, frequencies: Record<string, number>): FallbackOverrides {
  const sizeAdjust = averageWidth(font, frequencies) / averageWidth(fallback, frequencies);
  const em = font.unitsPerEm * sizeAdjust;
  return { sizeAdjust, ascentOverride: font.ascent / em, descentOverride: -font.descent / em, lineGapOverride: font.lineGap / em };
}
