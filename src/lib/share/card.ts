/**
 * A share card (the og:image of a page) as SVG: 1200 × 630, in the page's language. A kicker (what the page
 * is), the title, then the headline finding or a chart, and the site's name at the foot. Every text is
 * wrapped to the card's width and cut with an ellipsis when it needs more lines than there is room for, so
 * nothing runs off the card whatever the content. All text is drawn as shaped glyph outlines (typeset.ts).
 */
import { escapeXml } from '../charts/svg';
import type { Typesetter, Weight } from './typeset';
import { wrapText } from './wrap';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PAD = 72;
const TEXT_WIDTH = CARD_WIDTH - 2 * PAD;
const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;

export type CardKind = 'site' | 'report' | 'brief' | 'chart' | 'theme';

export interface CardChart {
  /** A chart layout's SVG, as src/lib/charts/svg.ts or thumbnail.ts write it. */
  svg: string;
  /** Its text size in px, to choose the layout whose words come out largest. */
  fontSize: number;
}

export interface CardSpec {
  kind: CardKind;
  /** Language of the page (and of the kicker and footer). */
  lang: string;
  /** Language the title and text are written in (a page not yet translated shows the English). */
  contentLang: string;
  kicker: string;
  title: string;
  /** The headline finding, or another sentence under the title; absent when the page has none. */
  text?: string;
  /** Chart pages: the chart drawn at each width it has; the card shows the one whose text is largest. */
  charts?: CardChart[];
  footer: string;
}

export interface CardColors {
  paper: string;
  ink: string;
  muted: string;
  accent: string;
  line: string;
}

/** Line height for a text: Khmer needs room above and below for vowels and subscript consonants. */
export function lineHeight(text: string): number {
  return KHMER.test(text) ? 1.6 : 1.22;
}

export interface TextBlock {
  lines: string[];
  truncated: boolean;
  size: number;
  weight: Weight;
  /** Height of one line in px. */
  step: number;
}

/** Wraps a text into the lines that fit maxHeight px (and at most maxLines), at one size and weight. */
export function textBlock(ts: Typesetter, text: string, lang: string, size: number, weight: Weight, maxHeight: number, maxLines = Infinity): TextBlock {
  const step = size * lineHeight(text);
  const lines = Math.max(0, Math.min(maxLines, Math.floor(maxHeight / step)));
  const wrapped = wrapText(text, { maxWidth: TEXT_WIDTH, maxLines: lines, lang, measure: ts.measure(size, weight) });
  return { ...wrapped, size, weight, step };
}

function drawBlock(ts: Typesetter, block: TextBlock, top: number, fill: string): string {
  // The baseline sits a little under the middle of each line box.
  const baseline = (i: number) => top + i * block.step + block.step / 2 + block.size * 0.33;
  return `<g fill="${fill}">${block.lines.map((line, i) => ts.draw(line, PAD, baseline(i), block.size, block.weight)).join('')}</g>`;
}

const num = (attrs: string, name: string) => Number(new RegExp(`\\b${name}="(-?[\\d.]+)"`).exec(attrs)?.[1] ?? 0);
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** A chart's SVG with each <text> (and its <tspan> lines) replaced by shaped outlines in the same place and class. */
export function chartTextToPaths(svg: string, ts: Typesetter): string {
  return svg.replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (_, attrs: string, body: string) => {
    const cls = /\bclass="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const size = num(attrs, 'font-size') || 15;
    const anchor = (/\btext-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start') as 'start' | 'middle' | 'end';
    const weight: Weight = /\bt-bold\b/.test(cls) ? 700 : 400;
    let x = num(attrs, 'x');
    let y = num(attrs, 'y');
    const first = /^[^<]*/.exec(body)![0];
    let paths = first ? ts.draw(unescapeXml(first), x, y, size, weight, anchor) : '';
    for (const m of body.matchAll(/<tspan\b([^>]*)>([^<]*)<\/tspan>/g)) {
      if (/\bx="/.test(m[1])) x = num(m[1], 'x');
      y += num(m[1], 'dy');
      paths += ts.draw(unescapeXml(m[2]), x, y, size, weight, anchor);
    }
    return `<g class="${cls}">${paths}</g>`;
  });
}

/** The chart's drawing placed in a box, scaled to fit it: the layout whose text comes out largest wins. */
function placeChart(charts: readonly CardChart[], ts: Typesetter, box: { x: number; y: number; width: number; height: number }): string {
  const sized = charts.map((c) => {
    const [, , w, h] = (/viewBox="([^"]+)"/.exec(c.svg)?.[1] ?? '0 0 1 1').split(/[\s,]+/).map(Number);
    const scale = Math.min(box.width / w, box.height / h);
    return { ...c, w, h, scale, textPx: c.fontSize * scale };
  });
  const best = sized.reduce((a, b) => (b.textPx > a.textPx ? b : a));
  const inner = /^<svg\b[^>]*>([\s\S]*)<\/svg>$/.exec(best.svg.trim())?.[1] ?? '';
  const viewBox = /viewBox="([^"]+)"/.exec(best.svg)![1];
  const height = best.h * best.scale;
  return `<svg class="chart" x="${PAD}" y="${Math.round(box.y + (box.height - height) / 2)}" width="${Math.round(best.w * best.scale)}" height="${Math.round(height)}" viewBox="${viewBox}" preserveAspectRatio="xMinYMin meet">${chartTextToPaths(inner, ts)}</svg>`;
}

export interface CardLayout {
  svg: string;
  title: TextBlock;
  text?: TextBlock;
}

/** The card as SVG, and the blocks it laid out (for tests). `chartCss` styles the chart's classes. */
export function cardSvg(spec: CardSpec, ts: Typesetter, colors: CardColors, chartCss = ''): CardLayout {
  const footerTop = CARD_HEIGHT - 104;
  const kickerSize = 28;
  const kickerBaseline = 104;
  const top = 140;
  const room = footerTop - 24 - top;
  const titleSize = spec.kind === 'site' ? 60 : spec.kind === 'chart' ? 40 : 50;
  const titleLines = spec.kind === 'chart' ? 2 : 3;
  // With a finding to show, the title leaves it at least two lines.
  const textSize = spec.kind === 'site' ? 34 : 31;
  const textStep = textSize * lineHeight(spec.text ?? '');
  const titleRoom = spec.text ? room - 2 * textStep - 20 : spec.charts?.length ? Math.min(room, titleSize * lineHeight(spec.title) * titleLines) : room;
  const title = textBlock(ts, spec.title, spec.contentLang, titleSize, 700, titleRoom, titleLines);
  const titleHeight = title.lines.length * title.step;
  let body = '';
  let text: TextBlock | undefined;
  if (spec.charts?.length) {
    const y = top + titleHeight + 16;
    body = placeChart(spec.charts, ts, { x: PAD, y, width: TEXT_WIDTH, height: footerTop - 20 - y });
  } else if (spec.text) {
    text = textBlock(ts, spec.text, spec.contentLang, textSize, 400, room - titleHeight - 20);
    body = drawBlock(ts, text, top + titleHeight + 20, colors.muted);
  }
  const kicker = wrapText(spec.kicker, { maxWidth: TEXT_WIDTH, maxLines: 1, lang: spec.lang, measure: ts.measure(kickerSize, 700) }).lines[0] ?? '';
  const footer = wrapText(spec.footer, { maxWidth: TEXT_WIDTH, maxLines: 1, lang: spec.lang, measure: ts.measure(24, 400) }).lines[0] ?? '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">` +
    (chartCss ? `<style>${chartCss}</style>` : '') +
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${colors.paper}"/>` +
    `<rect width="${CARD_WIDTH}" height="14" fill="${colors.accent}"/>` +
    `<g fill="${colors.accent}">${ts.draw(kicker, PAD, kickerBaseline, kickerSize, 700)}</g>` +
    drawBlock(ts, title, top, colors.ink) +
    body +
    `<rect x="${PAD}" y="${footerTop}" width="${TEXT_WIDTH}" height="2" fill="${colors.line}"/>` +
    `<g fill="${colors.muted}">${ts.draw(footer, PAD, footerTop + 58, 24, 400)}</g>` +
    `<title>${escapeXml(spec.title)}</title>` +
    `</svg>`;
  return { svg, title, text };
}

/** The words a reader of the card sees, for og:image:alt. */
export function cardAlt(spec: CardSpec): string {
  return `${spec.kicker}: ${spec.title}` + (spec.text ? ` — ${spec.text}` : '');
}
