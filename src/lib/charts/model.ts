/**
 * A chart model: plain shapes and text in a viewBox, computed from rows without a browser.
 * Rendering (svg.ts) only writes these out; tests look at the model or at the rounded SVG.
 */
export interface TextMark {
  type: 'text';
  x: number;
  y: number;
  lines: string[];
  lineHeight: number;
  fontSize: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'normal' | 'bold';
  /** Class for colour (e.g. "ink", "muted", "on-bar"). */
  tone?: string;
  lang?: string;
}
export interface RectMark {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Series index: picks colour and pattern. */
  series: number;
  /** Accessible text of the bar, e.g. "Migrant households: US$1,762". */
  title: string;
}
export interface SymbolMark {
  type: 'symbol';
  x: number;
  y: number;
  size: number;
  shape: 'triangle-up' | 'triangle-down' | 'circle' | 'diamond' | 'dash';
  tone: string;
}
export interface LineMark {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  tone: string;
}
export type Mark = TextMark | RectMark | SymbolMark | LineMark;

export interface ChartModel {
  width: number;
  height: number;
  marks: Mark[];
  /** Series shown in the legend, in order. */
  legend: { series: number; label: string }[];
}

/** Words a chart needs in the page's language. */
export interface ChartLabels {
  notGiven: string;
  better: string;
  worse: string;
  noDifference: string;
  mixed: string;
}

/** The width a chart is laid out for and the size of its text, both in CSS px when shown at that width. */
export interface ChartLayout {
  width: number;
  fontSize: number;
}

/** Default layout (tests and one-off renders); pages use the layouts in layouts.ts. */
export const CHART_WIDTH = 400;
export const FONT_SIZE = 15;

/** Line height of chart labels: Khmer needs room for stacked vowels and subscript consonants. */
export function lineHeightFor(lang: string): number {
  return lang === 'km' ? 1.65 : 1.3;
}

/**
 * A layout's sizes, all in proportion to its text: a bar is 1.5 lines of text high, gaps a fraction of
 * a line, so a chart keeps its proportions at any text size.
 */
export function layoutSizes(input: { width?: number; fontSize?: number; lang: string }) {
  const fs = input.fontSize ?? FONT_SIZE;
  const em = (n: number) => Math.round(fs * n);
  return { width: input.width ?? CHART_WIDTH, fs, lineHeight: fs * lineHeightFor(input.lang), em };
}

/** A chart that cannot be drawn at a width, with the reason; the view adds the chart id. */
export class ChartLayoutError extends Error {}
