/**
 * Numbers and dates through Intl, in the page's language and numbering system
 * (e.g. Khmer with "latn" digits 0-9 or "khmr" digits ០-៩).
 */
export interface FormatOptions {
  numberingSystem?: string;
}

function localeTag(locale: string, numberingSystem?: string): string {
  return numberingSystem && numberingSystem !== 'latn' ? `${locale}-u-nu-${numberingSystem}` : locale;
}

export function formatNumber(value: number, locale: string, opts: FormatOptions & Intl.NumberFormatOptions = {}): string {
  const { numberingSystem, ...intl } = opts;
  return new Intl.NumberFormat(localeTag(locale, numberingSystem), intl).format(value);
}

/** A percentage given as printed (36.6 means 36.6 %), keeping its decimals. */
export function formatPercent(value: number, locale: string, opts: FormatOptions = {}): string {
  const decimals = (String(value).split('.')[1] ?? '').length;
  return new Intl.NumberFormat(localeTag(locale, opts.numberingSystem), {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value / 100);
}

export function formatDate(date: Date, locale: string, opts: FormatOptions & { style?: 'long' | 'medium' | 'short' } = {}): string {
  return new Intl.DateTimeFormat(localeTag(locale, opts.numberingSystem), { dateStyle: opts.style ?? 'long', timeZone: 'UTC' }).format(date);
}

/** ISO date (YYYY-MM-DD) for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
