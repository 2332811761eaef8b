import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, isoDate } from '../../src/lib/i18n/format';

describe('formatNumber', () => {
  it('groups thousands for English', () => {
    expect(formatNumber(2200000, 'en')).toBe('2,200,000');
  });
  it('writes Khmer digits when the Khmer numbering system is chosen', () => {
    expect(formatNumber(2014, 'km', { numberingSystem: 'khmr' })).toBe('២.០១៤');
  });
  it('keeps Western digits for Khmer by default', () => {
    expect(formatNumber(3040, 'km')).toMatch(/^3[.,]?040$/);
  });
});

describe('formatPercent', () => {
  it('keeps the decimals the source printed', () => {
    expect(formatPercent(36.6, 'en')).toBe('36.6%');
    expect(formatPercent(22, 'en')).toBe('22%');
    expect(formatPercent(91.7, 'km', { numberingSystem: 'khmr' })).toContain('៩១');
  });
});

describe('formatDate', () => {
  const date = new Date('2020-11-24T00:00:00Z');
  it('writes an English long date', () => {
    expect(formatDate(date, 'en')).toBe('November 24, 2020');
  });
  it('writes the Khmer month name, with Khmer digits as an option', () => {
    expect(formatDate(date, 'km')).toContain('វិច្ឆិកា');
    expect(formatDate(date, 'km', { numberingSystem: 'khmr' })).toContain('២០២០');
  });
  it('gives an ISO date for <time datetime>', () => {
    expect(isoDate(date)).toBe('2020-11-24');
  });
});
