/**
 * The order of search results. Pagefind scores each word form that starts with the query (its last word
 * is matched as a prefix) on its own scale, saturates repeated use early, and adds every rare form's
 * weight: a short record that uses a rare longer form once can outrank the report that discusses the
 * subject on every page. Readers expect the page that uses their words most to come first, so:
 *  1. results that hold the query as written (whole words, as a phrase) come before results where it
 *     only begins longer words;
 *  2. then results that use the words more often (matched places on the page);
 *  3. then Pagefind's own score.
 * No Node or DOM dependencies: the browser uses it.
 */

/** The part of a Pagefind result that ranking needs: `words` are the matched word positions. */
export interface RankedHit {
  id: string;
  score: number;
  words: readonly number[];
}

/** `hits` from the ordinary search; `wholeWordIds` the ids an exact ("quoted") search of the same query found. */
export function rankByUse<T extends RankedHit>(hits: readonly T[], wholeWordIds: ReadonlySet<string>): T[] {
  return [...hits].sort(
    (a, b) =>
      Number(wholeWordIds.has(b.id)) - Number(wholeWordIds.has(a.id)) ||
      b.words.length - a.words.length ||
      b.score - a.score,
  );
}

/**
 * Khmer typed as one run (no spaces) that the query segmentation split into words is one phrase: the
 * reader wrote ទេសន្តប្រវេសន៍ (migration), not the particle ទេ and two fragments. Its results are the
 * pages with the phrase, ordered by how often they use its longest word (a cheap search that stands for
 * the phrase, where a search for every word would gather every use of a particle like ទេ).
 */
export function rankPhrase<T extends RankedHit>(phraseHits: readonly T[], longestWordHits: readonly RankedHit[]): T[] {
  const uses = new Map(longestWordHits.map((h) => [h.id, h.words.length]));
  return [...phraseHits].sort((a, b) => (uses.get(b.id) ?? 0) - (uses.get(a.id) ?? 0) || b.score - a.score);
}

/** True when the reader typed no space and segmentation split the text into several index words. */
export function isSplitRun(typed: string, indexQuery: string): boolean {
  return !/\s/.test(typed.trim()) && /\s/.test(indexQuery.trim());
}

/** The longest word of a query, by characters. */
export function longestWord(query: string): string {
  return query.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** The exact-search form of a query, or null where there is nothing to add (empty, or already quoted). */
export function exactQuery(query: string): string | null {
  const words = query.replace(/"/g, ' ').trim();
  if (!words || /^\s*".+"\s*$/.test(query)) return null;
  return `"${words}"`;
}

/**
 * Filters that tell the search page which records belong to which listing page, never shown as
 * checkboxes: the page carries `listing: <name>`, each of its records `listed-in: <name>`.
 */
export const LISTING = 'listing';
export const LISTED_IN = 'listed-in';

/** A result, with the records of its page (each a recommendation on the recommendations page) that matched too. */
export interface ResultGroup<T> {
  hit: T;
  parts: T[];
}

/**
 * Records that are parts of a listing page go under that page: ten matching recommendations take one
 * place in the results, as "Policy recommendations" with the ten listed, instead of pushing ten other
 * pages off the first screen. A group stands where its best hit stood. `pages` holds the listing pages a
 * group may be made under (those the reader's filters allow, by id; the hit is the page's own result when
 * it matched, else any result object for it); records of other pages (a filter for recommendations left
 * the page out) stand on their own. `listingOf` maps a record's id to its page's id.
 */
export function groupParts<T extends { id: string }>(hits: readonly T[], listingOf: ReadonlyMap<string, string>, pages: ReadonlyMap<string, T>): ResultGroup<T>[] {
  const out: ResultGroup<T>[] = [];
  const byPage = new Map<string, ResultGroup<T>>();
  for (const hit of hits) {
    const pageId = pages.has(hit.id) ? hit.id : listingOf.get(hit.id);
    const page = pageId === undefined ? undefined : pages.get(pageId);
    if (!pageId || !page) {
      out.push({ hit, parts: [] });
      continue;
    }
    let group = byPage.get(pageId);
    if (!group) {
      group = { hit: page, parts: [] };
      byPage.set(pageId, group);
      out.push(group);
    }
    if (hit.id === pageId) group.hit = hit;
    else group.parts.push(hit);
  }
  return out;
}
