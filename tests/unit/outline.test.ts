import { describe, expect, it } from 'vitest';
import { sameOutline } from '../../src/lib/i18n/outline';

const h = (...depths: number[]) => depths.map((depth) => ({ depth }));

describe('sameOutline', () => {
  it('is true when every version has the same h2/h3 levels in the same order', () => {
    expect(sameOutline([h(2, 3, 3, 2), h(2, 3, 3, 2)])).toBe(true);
  });
  it('ignores deeper headings, which the switch does not carry', () => {
    expect(sameOutline([h(2, 4, 3), h(2, 3)])).toBe(true);
  });
  it('is false when a version has a heading more, or a level differs', () => {
    expect(sameOutline([h(2, 3, 2), h(2, 3)])).toBe(false);
    expect(sameOutline([h(2, 3), h(2, 2)])).toBe(false);
  });
  it('is false for a page alone or a page without headings', () => {
    expect(sameOutline([h(2, 3)])).toBe(false);
    expect(sameOutline([h(), h()])).toBe(false);
  });
});
