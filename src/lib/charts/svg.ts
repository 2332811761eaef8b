/**
 * Writes a chart model out as SVG markup. Every text is escaped: labels come from CSV files and must
 * never become markup. Colours come from CSS classes; series after the first also get a pattern,
 * so bars can be told apart without colour.
 */
import type { ChartModel, Mark, SymbolMark } from './model';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const r = (n: number) => Math.round(n * 10) / 10;

export function symbolPath(m: SymbolMark): string {
  const s = m.size / 2;
  switch (m.shape) {
    case 'triangle-up':
      return `M${r(m.x)},${r(m.y - s)}L${r(m.x + s)},${r(m.y + s)}L${r(m.x - s)},${r(m.y + s)}Z`;
    case 'triangle-down':
      return `M${r(m.x - s)},${r(m.y - s)}L${r(m.x + s)},${r(m.y - s)}L${r(m.x)},${r(m.y + s)}Z`;
    case 'diamond':
      return `M${r(m.x)},${r(m.y - s)}L${r(m.x + s)},${r(m.y)}L${r(m.x)},${r(m.y + s)}L${r(m.x - s)},${r(m.y)}Z`;
    case 'dash':
      return `M${r(m.x - s)},${r(m.y - 1.5)}H${r(m.x + s)}V${r(m.y + 1.5)}H${r(m.x - s)}Z`;
    case 'circle':
    default:
      return `M${r(m.x - s)},${r(m.y)}a${r(s)},${r(s)} 0 1,0 ${r(2 * s)},0a${r(s)},${r(s)} 0 1,0 ${r(-2 * s)},0`;
  }
}

function markSvg(mark: Mark, prefix: string): string {
  switch (mark.type) {
    case 'rect': {
      // A patterned bar takes its fill from the pattern alone: a colour class would override it.
      const paint = mark.series % 3 > 0 ? `fill="url(#${prefix}-p${mark.series % 3})"` : 'class="s0"';
      return `<rect ${paint} x="${r(mark.x)}" y="${r(mark.y)}" width="${r(mark.width)}" height="${r(mark.height)}"><title>${escapeXml(mark.title)}</title></rect>`;
    }
    case 'text': {
      const attrs = [
        `class="t-${mark.tone ?? 'ink'}${mark.weight === 'bold' ? ' t-bold' : ''}"`,
        `x="${r(mark.x)}"`,
        `y="${r(mark.y)}"`,
        `font-size="${mark.fontSize}"`,
        mark.anchor && mark.anchor !== 'start' ? `text-anchor="${mark.anchor}"` : '',
      ]
        .filter(Boolean)
        .join(' ');
      const spans = mark.lines.map((line, i) => (i === 0 ? escapeXml(line) : `<tspan x="${r(mark.x)}" dy="${r(mark.lineHeight)}">${escapeXml(line)}</tspan>`));
      return `<text ${attrs}>${spans.join('')}</text>`;
    }
    case 'symbol':
      return `<path class="m-${mark.tone}" d="${symbolPath(mark)}"/>`;
    case 'line':
      return `<line class="l-${mark.tone}" x1="${r(mark.x1)}" y1="${r(mark.y1)}" x2="${r(mark.x2)}" y2="${r(mark.y2)}"/>`;
  }
}

/** Patterns for series 1 and 2: hatching and dots over the series colour. */
function patternDefs(prefix: string): string {
  return (
    `<defs>` +
    `<pattern id="${prefix}-p1" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="s1" width="6" height="6"/><line class="hatch" x1="0" y1="0" x2="0" y2="6"/></pattern>` +
    `<pattern id="${prefix}-p2" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="s2" width="6" height="6"/><circle class="hatch-dot" cx="3" cy="3" r="1.2"/></pattern>` +
    `</defs>`
  );
}

export interface SvgOptions {
  /** Unique per page: prefixes pattern ids. */
  id: string;
  titleId: string;
  descId: string;
  lang?: string;
}

export function renderSvg(model: ChartModel, opts: SvgOptions): string {
  const body = model.marks.map((m) => markSvg(m, opts.id)).join('');
  return (
    `<svg class="chart-svg" viewBox="0 0 ${model.width} ${model.height}" role="img" aria-labelledby="${opts.titleId}" aria-describedby="${opts.descId}"` +
    ` preserveAspectRatio="xMinYMin meet" focusable="false"${opts.lang ? ` lang="${opts.lang}"` : ''}>` +
    patternDefs(opts.id) +
    body +
    `</svg>`
  );
}
