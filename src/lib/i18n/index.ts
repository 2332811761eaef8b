/** The i18n toolkit for pages and components: locale list, t(), Intl formatting, localized links. */
import { siteConfig, type LocaleConfig } from '../config/site-config';
import { createTranslator, type Translate } from './translate';
import { formatDate, formatNumber, formatPercent } from './format';
import { localizedPath, switchLocalePath, withBase } from './paths';

export function locales(): LocaleConfig[] {
  return siteConfig().locales;
}
export function localeCodes(): string[] {
  return locales().map((l) => l.code);
}
export function defaultLocale(): string {
  return siteConfig().defaultLocale;
}
export function getLocaleConfig(code: string): LocaleConfig {
  const locale = locales().find((l) => l.code === code);
  if (!locale) throw new Error(`Unknown locale "${code}". Configured locales: ${localeCodes().join(', ')}.`);
  return locale;
}

/** getStaticPaths() for pages that exist once per language. */
export function localeStaticPaths() {
  return localeCodes().map((lang) => ({ params: { lang } }));
}

export interface LocaleKit {
  lang: string;
  locale: LocaleConfig;
  t: Translate;
  /** Number in this language's digits. */
  n: (value: number, opts?: Intl.NumberFormatOptions) => string;
  pct: (value: number) => string;
  date: (value: Date) => string;
  /** Link to a page of the site in this language, base path included. */
  href: (pagePath?: string) => string;
  /** Text from a per-language record, falling back to the default language. */
  pick: (text: Record<string, string | undefined>) => string;
}

const kits = new Map<string, LocaleKit>();

export function useLocale(lang: string): LocaleKit {
  const cached = kits.get(lang);
  if (cached) return cached;
  const config = siteConfig();
  const locale = getLocaleConfig(lang);
  const nu = { numberingSystem: locale.numberingSystem };
  const n = (value: number, opts: Intl.NumberFormatOptions = {}) => formatNumber(value, lang, { ...nu, ...opts });
  const kit: LocaleKit = {
    lang,
    locale,
    t: createTranslator(lang, config.dictionaries[lang], config.dictionaries[config.defaultLocale], (v) => n(v)),
    n,
    pct: (value) => formatPercent(value, lang, nu),
    date: (value) => formatDate(value, lang, nu),
    href: (pagePath = '') => withBase(config.base, localizedPath(lang, pagePath)),
    pick: (text) => text[lang] ?? text[config.defaultLocale] ?? '',
  };
  kits.set(lang, kit);
  return kit;
}

/** Links to the current page in every language (for the switch and hreflang). */
export function alternates(pathname: string): { lang: string; name: string; href: string }[] {
  const config = siteConfig();
  return locales().map((l) => ({ lang: l.code, name: l.name, href: switchLocalePath(pathname, l.code, localeCodes(), config.base) }));
}

/** A language-independent site path with the base path: "/data/x.csv" -> "/research/data/x.csv". */
export function siteHref(sitePath: string): string {
  return withBase(siteConfig().base, sitePath);
}
