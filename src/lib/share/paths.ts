/**
 * Which share card a page uses, from its URL alone, so that a page needs no change to get one: a report,
 * a brief (and its slides), a chart (and its embed) and a theme's recommendations have their own card;
 * every other page has its language's site card. Cards live under og/<lang>/.
 */
import { splitLocale, withBase } from '../i18n/paths';

/** The card's key for a page: "en/reports/miccaf", "km/findings/<chart>", "en/site". */
export function cardKey(pathname: string, locales: readonly string[], defaultLocale: string, base = '/'): string {
  const { locale, rest } = splitLocale(pathname, locales, base);
  const lang = locale ?? defaultLocale;
  const parts = locale ? rest.split('/').filter(Boolean) : [];
  const [section, id, extra] = parts;
  if (section === 'reports' && id && parts.length === 2) return `${lang}/reports/${id}`;
  if (section === 'briefs' && id && (parts.length === 2 || (parts.length === 3 && extra === 'present'))) return `${lang}/briefs/${id}`;
  if ((section === 'findings' || section === 'embed') && id && parts.length === 2) return `${lang}/findings/${id}`;
  if (section === 'recommendations' && id === 'theme' && extra && parts.length === 3) return `${lang}/recommendations/theme/${extra}`;
  return `${lang}/site`;
}

/** The site path of a card's PNG, base included: "/og/en/reports/miccaf.png". */
export function cardHref(key: string, base = '/'): string {
  return withBase(base, `og/${key}.png`);
}
