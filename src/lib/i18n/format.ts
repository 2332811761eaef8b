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

// Building an Intl formatter is costly; pages format thousands of values, so each is made once.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(tag, options)));
  return f;
}

export function formatNumber(value: number, locale: string, opts: FormatOptions & Intl.NumberFormatOptions = {}): string {
  const { numberingSystem, ...intl } = opts;
  return numberFormat(localeTag(locale, numberingSystem), intl).format(value);
}

/** A percentage given as printed (36.6 means 36.6 %), keeping its decimals. */
export function formatPercent(value: number, locale: string, opts: FormatOptions = {}): string {
  const decimals = (String(value).split('.')[1] ?? '').length;
  return numberFormat(localeTag(locale, opts.numberingSystem), {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value / 100);
}

export function formatDate(date: Date, locale: string, opts: FormatOptions & { style?: 'long' | 'medium' | 'short' } = {}): string {
  const key = `${localeTag(locale, opts.numberingSystem)}|${opts.style ?? 'long'}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(localeTag(locale, opts.numberingSystem), { dateStyle: opts.style ?? 'long', timeZone: 'UTC' })));
  return f.format(date);
}

/** ISO date (YYYY-MM-DD) for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
