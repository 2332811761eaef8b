import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartFontSize, layoutThresholds, MAX_PLOT_WIDTH, MIN_SCALE, PAGE_WIDTHS, pageLayouts } from '../../src/lib/charts/layouts';
import { WIDE_STEPS } from '../../src/lib/charts/matrix-model';
import { toBarModel } from '../../src/lib/charts/bar-model';

const css = readFileSync('src/styles/charts.css', 'utf8');

describe('chart layouts', () => {
  it('keep rendered text 14-18 px (Khmer 15-18) over every container width they are shown at', () => {
    const thresholds = layoutThresholds();
    for (const lang of ['en', 'km']) {
      const fs = chartFontSize(lang);
      PAGE_WIDTHS.forEach((width, i) => {
        const from = Math.max(thresholds[i], Math.ceil(width * MIN_SCALE));
        const to = i + 1 < PAGE_WIDTHS.length ? thresholds[i + 1] : MAX_PLOT_WIDTH;
        expect(fs * (from / width), `${lang} layout ${width} at ${from}px`).toBeGreaterThanOrEqual(lang === 'km' ? 15 : 14);
        expect(fs * (to / width), `${lang} layout ${width} at ${to}px`).toBeLessThanOrEqual(18);
      });
    }
  });
  it('cover a 320 px phone: its 288 px column shows the narrowest layout at no less than 94%', () => {
    expect(288 / PAGE_WIDTHS[0]).toBeGreaterThanOrEqual(MIN_SCALE);
  });
  it('are switched by container queries in charts.css at exactly the thresholds', () => {
    const inCss = [...css.matchAll(/@container chart \(min-width: (\d+)px\) \{ \.chart__layout--(\d) \{ display: none; \} \.chart__layout--(\d) \{ display: block; \} \}/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
    ]);
    expect(inCss).toEqual(layoutThresholds().slice(1).map((t, i) => [t, i, i + 1]));
    const maxWidth = Number(/\.chart \{ margin: var\(--space-6\) 0; max-width: ([\d.]+)rem; \}/.exec(css)![1]) * 16;
    expect(maxWidth).toBeLessThanOrEqual(MAX_PLOT_WIDTH);
  });
  it('match the matrix table steps in charts.css', () => {
    for (const step of WIDE_STEPS) expect(css).toContain(`@container chart (min-width: ${step}px) {\n  .matrix--wide-from-${step} { display: table; }`);
  });
  it('give every text of a layout the same size', () => {
    const model = toBarModel({
      data: [
        { measure: 'a', group: 'x', value: 1 },
        { measure: 'b', group: 'y', value: 2 },
      ],
      measures: ['a', 'b'],
      groups: ['x', 'y'],
      measureLabel: (m) => m,
      groupLabel: (g) => g,
      formatValue: String,
      labels: { notGiven: 'no figure', better: '', worse: '', noDifference: '', mixed: '' },
      lang: 'km',
      ...pageLayouts('km')[0],
    });
    const sizes = new Set(model.marks.flatMap((m) => (m.type === 'text' ? [m.fontSize] : [])));
    expect([...sizes]).toEqual([16]);
  });
  it('refuse a chart whose values cannot fit beside its bars, naming why', () => {
    expect(() =>
      toBarModel({
        data: [{ measure: 'a', group: 'x', value: 1 }],
        measures: ['a'],
        groups: ['x'],
        measureLabel: (m) => m,
        groupLabel: (g) => g,
        formatValue: () => 'US$1,000,000,000,000,000,000,000 (approximately)',
        labels: { notGiven: '', better: '', worse: '', noDifference: '', mixed: '' },
        lang: 'en',
        width: 300,
        fontSize: 15,
      }),
    ).toThrow(/widest value label needs \d+ px at 15 px text.*300 px layout/);
  });
});
