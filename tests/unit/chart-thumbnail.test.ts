import { describe, expect, it } from 'vitest';
import { matrixThumbnailSvg, thumbnailSvg } from '../../src/lib/charts/thumbnail';
import type { ChartModel } from '../../src/lib/charts/model';

const model: ChartModel = {
  width: 300,
  height: 120,
  legend: [],
  marks: [
    { type: 'text', x: 0, y: 10, lines: ['Migrant households'], lineHeight: 18, fontSize: 15 },
    { type: 'rect', x: 100, y: 20, width: 150, height: 20, series: 0, title: 'Migrant households: US$1,762' },
    { type: 'rect', x: 100, y: 50, width: 60, height: 20, series: 1, title: 'Non-migrant households: US$5,452' },
    { type: 'line', x1: 100, y1: 15, x2: 100, y2: 75, tone: 'axis' },
  ],
};

describe('chart thumbnails', () => {
  it('keep the marks, drop every word, and crop to the marks', () => {
    const svg = thumbnailSvg(model);
    expect(svg).not.toContain('<text');
    expect(svg).not.toContain('Migrant');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('class="s1"');
    expect(svg).toContain('viewBox="98 13 154 64"');
    expect(svg).toContain('aria-hidden="true"');
  });
  it('refuse a chart with nothing to draw', () => {
    expect(() => thumbnailSvg({ ...model, marks: [model.marks[0]] })).toThrow(/at least one bar/);
  });
  it('draw a direction matrix as squares by direction, blank where the source says nothing', () => {
    const svg = matrixThumbnailSvg([
      ['better', 'worse', null],
      ['no-difference', 'mixed', 'better'],
    ]);
    expect(svg.match(/class="m-better"/g)).toHaveLength(2);
    expect(svg).toContain('class="m-same"');
    expect(svg.match(/class="thumb-empty"/g)).toHaveLength(1);
    expect(svg).toContain('viewBox="0 0 36 23"');
  });
});
