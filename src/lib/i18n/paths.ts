/**
 * Locale-aware paths. Every page lives under /{locale}/; the same path under another
 * locale is the same page in that language, so switching language only swaps the prefix.
 */

/** Joins the base path and a site path: ("/research/", "/en/reports/") -> "/research/en/reports/". */
export function withBase(base: string, sitePath: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + sitePath.replace(/^\/+/, '');
}

/** Path of a page in a locale: ("km", "reports/miccaf") -> "/km/reports/miccaf/". Always ends with a slash. */
export function localizedPath(locale: string, pagePath = ''): string {
  const clean = pagePath.replace(/^\/+|\/+$/g, '');
  return clean ? `/${locale}/${clean}/` : `/${locale}/`;
}

/** Splits a pathname (with or without base) into its locale and the rest: "/km/briefs/x/" -> { locale: "km", rest: "briefs/x" }. */
export function splitLocale(pathname: string, locales: readonly string[], base = '/'): { locale: string | undefined; rest: string } {
  const b = base.endsWith('/') ? base : `${base}/`;
  let p = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  p = p.replace(/\/+$/, '').replace(/(^|\/)index\.html$/, '');
  const [first = '', ...rest] = p.split('/');
  if (locales.includes(first)) return { locale: first, rest: rest.join('/') };
  return { locale: undefined, rest: p };
}

/** The same page in another locale, keeping base path and hash: ("/en/reports/miccaf/", "km") -> "/km/reports/miccaf/". */
export function switchLocalePath(pathname: string, target: string, locales: readonly string[], base = '/'): string {
  const [pathOnly, hash = ''] = pathname.split('#');
  const { rest } = splitLocale(pathOnly, locales, base);
  return withBase(base, localizedPath(target, rest)) + (hash ? `#${hash}` : '');
}
