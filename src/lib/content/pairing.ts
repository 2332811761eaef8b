/**
 * Pairs content entries across languages by slug. Every slug gets a page in every language:
 * its own translation when there is one, otherwise the fallback language's text flagged as such.
 */

export interface LocalizedId {
  lang: string;
  slug: string;
}

/** "km/miccaf" -> { lang: "km", slug: "miccaf" }; throws for a folder that is not a configured language. */
export function parseEntryId(id: string, locales: readonly string[], collection = 'content'): LocalizedId {
  const [lang, ...rest] = id.split('/');
  const slug = rest.join('/');
  if (!slug || !locales.includes(lang)) {
    throw new Error(
      `content/${collection}/${id}: files must sit in a language folder (${locales.map((l) => `content/${collection}/${l}/`).join(' or ')}); "${lang}" is not a configured language.`,
    );
  }
  return { lang, slug };
}

export interface PairedPage<E> {
  lang: string;
  slug: string;
  /** The entry shown on this page. */
  entry: E;
  /** True when `entry` is in another language because this one has no translation yet. */
  isFallback: boolean;
  /** Languages that have their own version of this slug. */
  available: string[];
}

/**
 * One page per language per slug. Fallback order: the default language first, then the others in config order.
 */
export function pairEntries<E extends { id: string }>(
  entries: readonly E[],
  locales: readonly string[],
  defaultLocale: string,
  collection = 'content',
): PairedPage<E>[] {
  const bySlug = new Map<string, Map<string, E>>();
  for (const entry of entries) {
    const { lang, slug } = parseEntryId(entry.id, locales, collection);
    if (!bySlug.has(slug)) bySlug.set(slug, new Map());
    bySlug.get(slug)!.set(lang, entry);
  }
  const order = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];
  const pages: PairedPage<E>[] = [];
  for (const [slug, versions] of [...bySlug].sort(([a], [b]) => a.localeCompare(b))) {
    const available = order.filter((l) => versions.has(l));
    for (const lang of locales) {
      const own = versions.get(lang);
      const entry = own ?? versions.get(available[0])!;
      pages.push({ lang, slug, entry, isFallback: !own, available });
    }
  }
  return pages;
}
