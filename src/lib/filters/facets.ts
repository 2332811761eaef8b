/**
 * Faceted filtering shared by the build (static theme pages) and the browser (instant filters):
 * values chosen within one facet combine with OR ("any"), or with AND when the reader asks for "all";
 * different facets always combine with AND.
 * The state lives in the URL query string (?theme=a&theme=b&theme-match=all&actor=c&q=word) so a
 * filtered view can be shared.
 */

/** Facet name -> the values an item has. */
export type ItemFacets = Record<string, readonly string[]>;
/** Facet name -> the values the reader chose; an empty or missing facet does not filter. */
export type Selection = Record<string, readonly string[]>;
/** How the values chosen within a facet combine: an item has any of them (the default) or all of them. */
export type MatchMode = 'any' | 'all';
export type Modes = Record<string, MatchMode>;

export function matches(item: ItemFacets, selection: Selection, modes: Modes = {}): boolean {
  return Object.entries(selection).every(([facet, chosen]) => {
    if (chosen.length === 0) return true;
    const has = (value: string) => (item[facet] ?? []).includes(value);
    return modes[facet] === 'all' ? chosen.every(has) : chosen.some(has);
  });
}

export function filterItems<T>(items: readonly T[], facetsOf: (item: T) => ItemFacets, selection: Selection, modes: Modes = {}): T[] {
  return items.filter((item) => matches(facetsOf(item), selection, modes));
}

/**
 * What ticking each value would give, for counts beside the boxes that follow the reader's choices:
 * with "any", how many items have the value among those the other facets let through; with "all",
 * how many items would be shown once the value is added to the facet's choices.
 */
export function liveCounts(items: readonly ItemFacets[], selection: Selection, modes: Modes, values: Record<string, readonly string[]>): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const [facet, options] of Object.entries(values)) {
    counts[facet] = {};
    const chosen = selection[facet] ?? [];
    for (const value of options) {
      const asIf = { ...selection, [facet]: modes[facet] === 'all' ? [...new Set([...chosen, value])] : [value] };
      counts[facet][value] = items.filter((item) => matches(item, asIf, modes)).length;
    }
  }
  return counts;
}

/** The URL parameter that records a facet's match mode (absent means "any"). */
export const modeParam = (facet: string) => `${facet}-match`;

/** Match modes from a query string: only "all" is recorded, for known facets. */
export function parseModes(search: string, facets: readonly string[]): Modes {
  const params = new URLSearchParams(search);
  return Object.fromEntries(facets.filter((f) => params.get(modeParam(f)) === 'all').map((f) => [f, 'all' as const]));
}

/** Values in a query string that no item offers ("theme=unknown"), to tell the reader they were ignored. */
export function unknownChoices(search: string, allowed: Record<string, readonly string[]>): string[] {
  const params = new URLSearchParams(search);
  return Object.entries(allowed).flatMap(([facet, values]) => params.getAll(facet).filter((v) => !values.includes(v)).map((v) => `${facet}=${v}`));
}

/** Reads a selection from a query string, keeping only known facets and values. */
export function parseSelection(search: string, allowed: Record<string, readonly string[]>): Selection {
  const params = new URLSearchParams(search);
  const selection: Record<string, string[]> = {};
  for (const [facet, values] of Object.entries(allowed)) {
    const chosen = params.getAll(facet).filter((v) => values.includes(v));
    if (chosen.length) selection[facet] = [...new Set(chosen)];
  }
  return selection;
}

/** Writes a selection (and its modes and keyword) as a query string in a stable order ("" when nothing is chosen). */
export function selectionToQuery(selection: Selection, facetOrder: readonly string[] = Object.keys(selection), modes: Modes = {}, keyword = ''): string {
  const params = new URLSearchParams();
  if (keyword.trim()) params.set('q', keyword.trim());
  for (const facet of facetOrder) {
    for (const value of selection[facet] ?? []) params.append(facet, value);
    if (modes[facet] === 'all') params.set(modeParam(facet), 'all');
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** How many items each value of each facet would match on its own, for labels like "Health (12)". */
export function valueCounts<T>(items: readonly T[], facetsOf: (item: T) => ItemFacets): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const item of items) {
    for (const [facet, values] of Object.entries(facetsOf(item))) {
      counts[facet] ??= {};
      for (const value of new Set(values)) counts[facet][value] = (counts[facet][value] ?? 0) + 1;
    }
  }
  return counts;
}

/** Splits a list as printed ("Diasporas; Remittances, Data and research") into values, merging case variants. */
export function normalizeList(printed: string): string[] {
  return printed
    .split(/[;,]/)
    .map((v) => v.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** A stable key for a printed value: "Migration and Health" and "Migration and health" share one. */
export function valueKey(printed: string): string {
  return printed
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
