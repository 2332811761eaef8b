/** Money in a chart or key figure follows the same rule as the prose of its language (data/README.md). */
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/lib/data/format-value';
import { useLocale } from '../../src/lib/i18n';
import { checkKhmerText } from '../../src/lib/check/glossary';
import { loadGlossary } from '../../src/lib/check/glossary';

const glossary = loadGlossary('data').entries;

describe('formatValue', () => {
  it('writes dollars as US$ in English and USD before the number in Khmer', () => {
    expect(formatValue(1762, 'usd', useLocale('en'))).toBe('US$1,762');
    expect(formatValue(414, 'usd-billion', useLocale('en'))).toBe('US$414 bn');
    const km = [formatValue(1762, 'usd', useLocale('km')), formatValue(414, 'usd-billion', useLocale('km'))];
    expect(km[0]).toMatch(/^USD \S+$/);
    expect(km[1]).toMatch(/^USD \S+ ពាន់លាន$/);
  });

  it('gives Khmer amounts that pass the Khmer currency rule of npm run check', () => {
    for (const [value, unit] of [[1762, 'usd'], [2200000, 'usd'], [414, 'usd-billion']] as const) {
      expect(checkKhmerText(formatValue(value, unit, useLocale('km')), glossary)).toEqual([]);
    }
    // The rule does catch the English form, so the test above means something.
    expect(checkKhmerText('414 ពាន់លានដុល្លារអាមេរិក', glossary).length).toBe(1);
  });
});
