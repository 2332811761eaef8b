/**
 * The widths a chart is drawn for, chosen so that its text stays 14-18 CSS px (Khmer 15-18) at every
 * width: each layout is shown, by a container query, only while the space for the chart is between
 * MIN_SCALE and the next layout's threshold, so it is never stretched or squeezed more than that.
 * src/styles/charts.css holds the matching @container rules; a unit test keeps the two in step.
 */
import type { ChartLayout } from './model';

/** Each width is 1.19 times the last: MIN_SCALE × 1.19 stays under 18/16, the largest Khmer stretch. */
export const PAGE_WIDTHS = [300, 357, 425, 506] as const;
/** A layout is shown down to 94% of its width: 15 px text renders at 14.1 px, 16 px Khmer at 15.0 px. */
export const MIN_SCALE = 0.94;
/**
 * Past the last layout's range the figure stops growing (the .chart max-width in charts.css, 35rem): a
 * wider chart would need a fifth drawing in every page's bytes for little gain in reading.
 */
export const MAX_PLOT_WIDTH = Math.floor(PAGE_WIDTHS[PAGE_WIDTHS.length - 1] * 1.19 * MIN_SCALE);

/** Chart text size per language: Khmer one step larger, as in the type scale. */
export function chartFontSize(lang: string): number {
  return lang === 'km' ? 16 : 15;
}

/** The container width from which each page layout is shown. */
export function layoutThresholds(): number[] {
  return PAGE_WIDTHS.map((w, i) => (i === 0 ? 0 : Math.ceil(w * MIN_SCALE)));
}

export function pageLayouts(lang: string): ChartLayout[] {
  return PAGE_WIDTHS.map((width) => ({ width, fontSize: chartFontSize(lang) }));
}

/**
 * Slides: one layout for a landscape projector, labels beside the bars, text at 26 px in a 1500 px wide
 * drawing; present.css scales it to fill the space under the slide's heading (on a 1920 px projector
 * about 1:1), so chart text stays well over 22 px there.
 */
export const SLIDE_LAYOUT: ChartLayout = { width: 1500, fontSize: 26 };
