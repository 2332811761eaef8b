/**
 * Figures compared between an original block and its translation: every number written in digits (Khmer digits
 * ០-៩ read as 0-9, thousands separators ignored, so "USD 2,200,000" matches "USD 2200000"), counted on each
 * side. A number the original has more often than the translation, or the other way round, is a difference for
 * the reviewer to look at. Numbers spelled out in words ("forty-seven") are not read, and the view says so.
 */
import { figuresOf } from './review-blocks';

export { figuresOf };

export interface FigureDifference {
  value: string;
  /** How often the value occurs in the original and in the translation. */
  original: number;
  translation: number;
}

function counts(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** Values whose count differs between the two texts, in the order they first occur (original first). */
export function compareFigures(original: string, translation: string): FigureDifference[] {
  const a = figuresOf(original);
  const b = figuresOf(translation);
  const ca = counts(a);
  const cb = counts(b);
  const order = [...new Set([...a, ...b])];
  return order.filter((v) => (ca.get(v) ?? 0) !== (cb.get(v) ?? 0)).map((value) => ({ value, original: ca.get(value) ?? 0, translation: cb.get(value) ?? 0 }));
}
