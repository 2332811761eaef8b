import { describe, expect, it } from 'vitest';
import { localizedPath, splitLocale, switchLocalePath, withBase } from '../../src/lib/i18n/paths';

const locales = ['en', 'km'];

describe('localizedPath', () => {
  it('puts the page under its language with a trailing slash', () => {
    expect(localizedPath('km', 'reports/miccaf')).toBe('/km/reports/miccaf/');
    expect(localizedPath('en', '/briefs/')).toBe('/en/briefs/');
  });
  it('gives the language home for an empty path', () => {
    expect(localizedPath('km')).toBe('/km/');
  });
});

describe('withBase', () => {
  it('joins a sub-folder base and a site path without doubling slashes', () => {
    expect(withBase('/research/', '/en/reports/')).toBe('/research/en/reports/');
    expect(withBase('/research', 'en/')).toBe('/research/en/');
    expect(withBase('/', '/km/')).toBe('/km/');
  });
});

describe('splitLocale', () => {
  it('finds the language and the rest of the path', () => {
    expect(splitLocale('/km/briefs/x/', locales)).toEqual({ locale: 'km', rest: 'briefs/x' });
  });
  it('ignores the base path and index.html', () => {
    expect(splitLocale('/research/en/reports/index.html', locales, '/research/')).toEqual({ locale: 'en', rest: 'reports' });
  });
  it('reports no language for a path outside the language folders', () => {
    expect(splitLocale('/fonts/x.woff2', locales)).toEqual({ locale: undefined, rest: 'fonts/x.woff2' });
  });
});

describe('switchLocalePath', () => {
  it('keeps the page when switching language', () => {
    expect(switchLocalePath('/en/reports/miccaf/', 'km', locales)).toBe('/km/reports/miccaf/');
    expect(switchLocalePath('/km/', 'en', locales)).toBe('/en/');
  });
  it('keeps the base path and the fragment', () => {
    expect(switchLocalePath('/research/en/briefs/a/#slide-3', 'km', locales, '/research/')).toBe('/research/km/briefs/a/#slide-3');
  });
  it('works for a language added later, such as Tajik', () => {
    expect(switchLocalePath('/km/about/', 'tg', [...locales, 'tg'])).toBe('/tg/about/');
  });
});
