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
