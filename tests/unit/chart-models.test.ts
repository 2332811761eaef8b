import { describe, expect, it } from 'vitest';
import { toBarModel, type BarModelInput } from '../../src/lib/charts/bar-model';
import { toStackedModel } from '../../src/lib/charts/stacked-model';
import { toMatrixView } from '../../src/lib/charts/matrix-model';
import { renderSvg } from '../../src/lib/charts/svg';
import { describeChart } from '../../src/lib/charts/describe';
import type { ChartModel, RectMark, TextMark } from '../../src/lib/charts/model';
import { textWidth, wrapText } from '../../src/lib/charts/text';

const labels = { notGiven: 'no figure in the source', better: 'better', worse: 'worse', noDifference: 'no difference', mixed: 'mixed' };
const names: Record<string, string> = {
  income: 'Annual household income',
  overweight: 'Caregivers who are overweight',
  migrant: 'Migrant households',
  'non-migrant': 'Non-migrant households',
};

// Figures from the MICCAF final report (seed 000), Output 2.3 key findings.
const income: BarModelInput = {
  data: [
    { measure: 'income', group: 'migrant', value: 1762 },
    { measure: 'income', group: 'non-migrant', value: 5452 },
  ],
  measures: ['income'],
  groups: ['migrant', 'non-migrant'],
  measureLabel: (m) => names[m],
  groupLabel: (g) => names[g],
  formatValue: (v) => `US$${new Intl.NumberFormat('en').format(v)}`,
  labels,
  lang: 'en',
};

const rects = (m: ChartModel) => m.marks.filter((x): x is RectMark => x.type === 'rect');
const texts = (m: ChartModel) => m.marks.filter((x): x is TextMark => x.type === 'text');

/** Vertical extent of every text line, to check that none overlap. */
function textBoxes(m: ChartModel) {
  return texts(m).flatMap((t) =>
    t.lines.map((line, i) => {
      const baseline = t.y + i * t.lineHeight;
      const width = textWidth(line, t.fontSize);
      const left = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x;
      return { left, right: left + width, top: baseline - t.fontSize * 0.8, bottom: baseline + t.fontSize * 0.25, line };
    }),
  );
}
function overlaps(m: ChartModel) {
  const boxes = textBoxes(m);
  const found: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) found.push(`${a.line} / ${b.line}`);
    }),
  );
  return found;
}

describe('toBarModel(rows) for a migrant / non-migrant comparison', () => {
  const model = toBarModel(income);

  it('draws bar lengths in proportion to the values', () => {
    const [migrant, nonMigrant] = rects(model);
    expect(migrant.width / nonMigrant.width).toBeCloseTo(1762 / 5452, 5);
  });
  it('labels each bar directly with its value and group (one measure: its name is the subtitle)', () => {
    expect(texts(model).map((t) => t.lines.join(' '))).toEqual([
      'Migrant households',
      'US$1,762',
      'Non-migrant households',
      'US$5,452',
    ]);
  });
  it('keeps every label inside the chart and off every other label', () => {
    for (const box of textBoxes(model)) expect(box.right).toBeLessThanOrEqual(model.width + 0.5);
    expect(overlaps(model)).toEqual([]);
  });
  it('says "no figure in the source" instead of drawing a bar for a missing value', () => {
    const m = toBarModel({ ...income, data: [income.data[0], { measure: 'income', group: 'non-migrant', value: null }] });
    expect(rects(m)).toHaveLength(1);
    expect(texts(m).slice(-2).map((t) => t.lines.join(' '))).toEqual(['Non-migrant households', 'no figure in the source']);
  });
  it('wraps long Khmer labels at word breaks and stays inside a narrow chart', () => {
    const km = toBarModel({
      ...income,
      data: [...income.data, { measure: 'overweight', group: 'migrant', value: 31 }],
      measures: ['income', 'overweight'],
      lang: 'km',
      width: 240,
      measureLabel: () => 'ប្រាក់ចំណូលប្រចាំឆ្នាំរបស់គ្រួសារដែលមានសមាជិកធ្វើទេសន្តប្រវេសន៍',
      groupLabel: (g) => (g === 'migrant' ? 'គ្រួសារមានសមាជិកធ្វើទេសន្តប្រវេសន៍' : 'គ្រួសារគ្មានសមាជិកធ្វើទេសន្តប្រវេសន៍'),
    });
    expect(texts(km)[0].lines.length).toBeGreaterThan(1);
    for (const box of textBoxes(km)) expect(box.right).toBeLessThanOrEqual(240.5);
    expect(overlaps(km)).toEqual([]);
  });
});

describe('toStackedModel', () => {
  it('stacks segments end to end and lists values that do not fit under the bar', () => {
    // Khatlon budget approved by agency (seed 001, cover table).
    const m = toStackedModel({
      ...income,
      data: [
        { measure: 'approved', group: 'fao', value: 600000 },
        { measure: 'approved', group: 'iom', value: 600000 },
        { measure: 'approved', group: 'unicef', value: 500000 },
      ],
      measures: ['approved'],
      groups: ['fao', 'iom', 'unicef'],
      measureLabel: () => 'Approved',
      groupLabel: (g) => g.toUpperCase(),
    });
    const [a, b, c] = rects(m);
    expect(b.x).toBeCloseTo(a.x + a.width, 5);
    expect(c.x + c.width).toBeCloseTo(m.width, 5);
    expect(texts(m).at(-1)!.lines.join(' ')).toContain('FAO: US$600,000');
    expect(overlaps(m)).toEqual([]);
  });
});

describe('toMatrixView', () => {
  const input = {
    data: [
      { measure: 'dietary-diversity', group: 'young-children', direction: 'better' as const },
      { measure: 'resilience', group: 'adolescents', direction: 'worse' as const },
      { measure: 'food-security', group: 'households', direction: 'no-difference' as const },
    ],
    measures: ['dietary-diversity', 'resilience', 'food-security'],
    groups: ['young-children', 'adolescents', 'households'],
    measureLabel: (x: string) => x.replace(/-/g, ' '),
    groupLabel: (x: string) => x.replace(/-/g, ' '),
    labels,
    lang: 'en',
    fontSize: 15,
  };
  const m = toMatrixView(input);
  it('shows each direction by shape and by word, not by colour alone', () => {
    const cells = m.rows.flatMap((r) => r.cells).filter((c) => c.direction);
    expect(cells.map((c) => [c.shape, c.word])).toEqual([
      ['triangle-up', 'better'],
      ['triangle-down', 'worse'],
      ['circle', 'no difference'],
    ]);
  });
  it('marks a cell the source says nothing about with a dash, and names its group for the list form', () => {
    const empty = m.rows.flatMap((r) => r.cells).filter((c) => !c.direction);
    expect(empty).toHaveLength(6);
    expect(empty.every((c) => c.word === '—')).toBe(true);
    expect(m.rows[0].cells.map((c) => c.group)).toEqual(['young children', 'adolescents', 'households']);
  });
  it('becomes a table only from a width where its longest words fit', () => {
    expect(m.wideFrom).toBeLessThanOrEqual(544);
    const wordy = toMatrixView({ ...input, groupLabel: (x: string) => `Extraordinarily-long-group-name ${x}` });
    expect(wordy.wideFrom).toBeGreaterThan(m.wideFrom!);
    const tooMany = toMatrixView({ ...input, groups: Array.from({ length: 9 }, (_, i) => `g${i}`), groupLabel: () => 'Grandparents' });
    expect(tooMany.wideFrom).toBeUndefined();
  });
});

describe('renderSvg', () => {
  it('matches the stored snapshot (numbers rounded to one decimal)', async () => {
    await expect(renderSvg(toBarModel(income), { id: 'c', titleId: 'c-t', descId: 'c-d' })).toMatchFileSnapshot('__snapshots__/income-comparison.svg');
  });
  it('escapes text from data so it can never become markup', () => {
    const svg = renderSvg(toBarModel({ ...income, groupLabel: () => '<script>alert(1)</script> & "x"' }), { id: 'c', titleId: 't', descId: 'd' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });
  it('names the chart for assistive technology', () => {
    const svg = renderSvg(toBarModel(income), { id: 'c', titleId: 'c-t', descId: 'c-d' });
    expect(svg).toMatch(/^<svg class="chart-svg" viewBox="0 0 400 \d+" role="img" aria-labelledby="c-t" aria-describedby="c-d"/);
  });
});

describe('describeChart', () => {
  it('states every plotted value in words', () => {
    const text = describeChart({
      kind: 'comparison',
      title: 'Income',
      measures: ['income'],
      groups: ['migrant', 'non-migrant'],
      data: income.data.map((d) => ({ ...d, direction: null })),
      measureLabel: (m) => names[m],
      groupLabel: (g) => names[g],
      formatValue: income.formatValue,
      labels: { ...labels, kindName: 'Paired bar chart', listJoin: (xs) => new Intl.ListFormat('en').format(xs) },
    });
    expect(text).toBe('Paired bar chart: Income. Annual household income: Migrant households US$1,762 and Non-migrant households US$5,452.');
  });
});

describe('wrapText', () => {
  it('breaks English at spaces', () => {
    expect(wrapText('Caregivers who are overweight', 120, 14, 'en')).toEqual(['Caregivers who', 'are overweight']);
  });
  it('breaks Khmer between words found by Intl.Segmenter, never inside a cluster', () => {
    const lines = wrapText('អ្នកថែទាំដែលមានទម្ងន់លើស', 70, 14, 'km');
    expect(lines.join('')).toBe('អ្នកថែទាំដែលមានទម្ងន់លើស');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).not.toMatch(/^[\u17B6-\u17D3]/); // no line starts with a dependent vowel or sign
  });
});
