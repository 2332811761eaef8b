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

/**
 * A date only as precise as it was given: "2019" -> "2019", "2019-06" -> "June 2019", "2019-06-11" -> a long date.
 * Source documents often give only a year or a month; showing a day they never gave would invent one.
 */
export function formatPartialDate(iso: string, locale: string, opts: FormatOptions = {}): string {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (day) return formatDate(date, locale, opts);
  const parts: Intl.DateTimeFormatOptions = month ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  return dateTimeFormat(localeTag(locale, opts.numberingSystem), parts).format(date);
}

/** A period "2021-01-01/2021-12-31" as Intl writes a range in the language ("January 1 – December 31, 2021"). */
export function formatPeriod(period: string, locale: string, opts: FormatOptions = {}): string {
  const [start, end] = period.split('/').map((d) => new Date(`${d}T00:00:00Z`));
  return dateTimeFormat(localeTag(locale, opts.numberingSystem), { dateStyle: 'long' }).formatRange(start, end);
}

function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' })));
  return f;
}
