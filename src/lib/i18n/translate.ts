/**
 * UI strings: one flat dictionary per language with dotted keys ("nav.reports") and {{placeholders}}.
 * Plural forms live under "key.one" / "key.other" (Intl.PluralRules categories) and are chosen by {{count}}.
 */
export type Dictionary = Record<string, string>;
export type TranslateParams = Record<string, string | number>;
export type Translate = (key: string, params?: TranslateParams) => string;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Builds t() for a locale; missing keys fall back to the fallback dictionary, then fail loudly. */
export function createTranslator(
  locale: string,
  dictionary: Dictionary,
  fallback: Dictionary = dictionary,
  formatNumber: (n: number) => string = (n) => new Intl.NumberFormat(locale).format(n),
): Translate {
  const plurals = new Intl.PluralRules(locale);
  const lookup = (key: string): string | undefined => dictionary[key] ?? fallback[key];
  return (key, params = {}) => {
    let template = lookup(key);
    if (template === undefined && typeof params.count === 'number') {
      template = lookup(`${key}.${plurals.select(params.count)}`) ?? lookup(`${key}.other`);
    }
    if (template === undefined) {
      throw new Error(`Missing UI string "${key}" for locale "${locale}": add it to the dictionary of every language.`);
    }
    return template.replace(PLACEHOLDER, (match, name: string) => {
      const value = params[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? formatNumber(value) : value;
    });
  };
}

/** Keys present in one dictionary but not the other, for the equal-keys test and the config check. */
export function missingKeys(reference: Dictionary, other: Dictionary): string[] {
  return Object.keys(reference).filter((key) => !(key in other));
}
