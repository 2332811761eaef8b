/**
 * Faceted filtering shared by the build (static theme pages) and the browser (instant filters):
 * values chosen within one facet combine with OR, different facets combine with AND.
 * The selection lives in the URL query string (?theme=a&theme=b&actor=c) so a filtered view can be shared.
 */

/** Facet name -> the values an item has. */
export type ItemFacets = Record<string, readonly string[]>;
/** Facet name -> the values the reader chose; an empty or missing facet does not filter. */
export type Selection = Record<string, readonly string[]>;

export function matches(item: ItemFacets, selection: Selection): boolean {
  return Object.entries(selection).every(([facet, chosen]) => chosen.length === 0 || chosen.some((value) => (item[facet] ?? []).includes(value)));
}

export function filterItems<T>(items: readonly T[], facetsOf: (item: T) => ItemFacets, selection: Selection): T[] {
  return items.filter((item) => matches(facetsOf(item), selection));
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

/** Writes a selection as a query string in a stable order ("" when nothing is chosen). */
export function selectionToQuery(selection: Selection, facetOrder: readonly string[] = Object.keys(selection)): string {
  const params = new URLSearchParams();
  for (const facet of facetOrder) for (const value of selection[facet] ?? []) params.append(facet, value);
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
