/**
 * The order of search results: what a page or record is about first, how often it says so after.
 *  1. how many of the query's words stand in its title (a page's h1, a record's title);
 *  2. then how many stand in its headings or labels (table headers, a chart's caption, legend and the
 *     description naming its measures, groups and units);
 *  3. then whether it holds the words as typed, as a phrase of whole words (an exact search run beside);
 *  4. then how often it uses them (the least used word's count, so a particle such as ទេ does not count
 *     for a whole Khmer phrase);
 *  5. then Pagefind's own score.
 * Where a word stands comes from the weights the index gives each part of a page (see index-copy.ts,
 * WEIGHT), which pagefind.js hands over as `weights` (patched in by search-index.ts).
 * No Node or DOM dependencies: the browser uses it.
 */

/** The part of a Pagefind result that ranking needs: `words` are the matched word positions, `weights` their weights. */
export interface RankedHit {
  id: string;
  score: number;
  words: readonly number[];
  weights?: readonly number[];
}

/** One query word's results, by page id. */
export type TermHits = ReadonlyMap<string, RankedHit>;

/** Weights at or above these are a title, a heading or label (index-copy.ts writes 10 and 5; the body is 1). */
const TITLE = 8;
const LABEL = 3;

/** The words of a query as the index holds them, each once. */
export function termsOf(query: string): string[] {
  return [...new Set(query.replace(/"/g, ' ').trim().split(/\s+/).filter(Boolean))];
}

/**
 * The results that hold the query's words one after another, at consecutive word positions: a phrase.
 * `terms` holds each word's own results (as searchTerms runs them), so a query of several words needs no
 * exact search of its own.
 */
export function phraseIds(hits: readonly RankedHit[], terms: readonly TermHits[]): Set<string> {
  const ids = new Set<string>();
  for (const hit of hits) {
    const [first, ...rest] = terms.map((term) => term.get(hit.id)?.words ?? []);
    const later = rest.map((positions) => new Set(positions));
    if (first?.some((start) => later.every((positions, i) => positions.has(start + i + 1)))) ids.add(hit.id);
  }
  return ids;
}

export interface Standing {
  /** Query words in the title. */
  title: number;
  /** Query words in a heading or label (and not only in the title). */
  label: number;
  phrase: boolean;
  uses: number;
  score: number;
}

/** Where the query's words stand on one result; `terms` holds each word's results (one entry for a one-word query). */
export function standing(hit: RankedHit, terms: readonly TermHits[], phrase: ReadonlySet<string>): Standing {
  let title = 0;
  let label = 0;
  let uses = Infinity;
  for (const term of terms) {
    const own = term.get(hit.id);
    const best = Math.max(0, ...(own?.weights ?? []));
    if (best >= TITLE) title++;
    else if (best >= LABEL) label++;
    uses = Math.min(uses, own?.words.length ?? 0);
  }
  return { title, label, phrase: phrase.has(hit.id), uses: terms.length ? uses : hit.words.length, score: hit.score };
}

/** Compares two standings, best first. */
export function compareStanding(a: Standing, b: Standing): number {
  return b.title - a.title || b.label - a.label || Number(b.phrase) - Number(a.phrase) || b.uses - a.uses || b.score - a.score;
}

/** `hits` ordered as above; the input is left untouched. */
export function rankHits<T extends RankedHit>(hits: readonly T[], terms: readonly TermHits[], phrase: ReadonlySet<string>): { hit: T; standing: Standing }[] {
  return hits.map((hit) => ({ hit, standing: standing(hit, terms, phrase) })).sort((a, b) => compareStanding(a.standing, b.standing));
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
 * Records that are parts of a listing page go under that page: ten recommendations that mention the query
 * take one place in the results, as "Policy recommendations" with the ten listed, instead of pushing ten
 * other pages off the first screen. A group stands where its best hit stood. A record whose title holds
 * the query (`ownResult`) is a result of its own. `pages` holds the listing pages a group may be made under
 * (those the reader's filters allow, by id; the hit is the page's own result when it matched, else any
 * result object for it); records of other pages (a filter for recommendations left the page out) stand on
 * their own. `listingOf` maps a record's id to its page's id.
 */
export function groupParts<T extends { id: string }>(hits: readonly T[], listingOf: ReadonlyMap<string, string>, pages: ReadonlyMap<string, T>, ownResult: (hit: T) => boolean = () => false): ResultGroup<T>[] {
  const out: ResultGroup<T>[] = [];
  const byPage = new Map<string, ResultGroup<T>>();
  for (const hit of hits) {
    const pageId = pages.has(hit.id) ? hit.id : ownResult(hit) ? undefined : listingOf.get(hit.id);
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
