/**
 * The browser's side of search, shared by the search page and the finders on the recommendations and
 * practices pages: Pagefind loaded with the site's options, and a query turned into the index's words
 * (Khmer split by the indexed vocabulary). One matcher for the whole site.
 * Browser only; imported lazily, when a reader starts to type.
 */
import { LISTED_IN } from './rank';
import type { RankedHit } from './rank';
import { makeVocabulary, segmentQuery, type Vocabulary } from './segmentation';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { url: string; title: string; excerpt: string }[];
}
export interface PagefindHit extends RankedHit {
  data(): Promise<PagefindResultData>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: Record<string, unknown>): Promise<{ results: PagefindHit[] } | null>;
}

/** Where the index is: the data-* attributes a page puts on its search or finder element. */
export interface IndexLocation {
  /** URL of the Pagefind bundle folder, ending in "/". */
  bundle: string;
  /** URL of the word list, for languages written without spaces. */
  vocabulary?: string;
  /** Vowel signs count as letters (Khmer). */
  exactMarks: boolean;
}

export interface SearchIndex {
  pagefind: Pagefind;
  /** A query in the index's words. */
  indexQuery(typed: string): string;
}

/** A query is capped: past this many characters a reader is pasting, not searching, and matching costs grow. */
export const MAX_QUERY = 200;

let opened: Promise<SearchIndex> | undefined;

/** Loads Pagefind and the vocabulary once per page, whoever asks first. */
export function openSearchIndex(where: IndexLocation): Promise<SearchIndex> {
  opened ??= (async () => {
    const [pagefind, words] = await Promise.all([
      import(/* @vite-ignore */ `${where.bundle}pagefind.js`) as Promise<Pagefind>,
      where.vocabulary ? fetch(where.vocabulary).then((r) => r.json() as Promise<string[]>) : Promise.resolve(null),
    ]);
    // Pagefind's score only breaks ties (see rankByUse); no penalty for length in it either.
    await pagefind.options({
      baseUrl: '/',
      noWorker: true,
      excerptLength: 26,
      exactDiacritics: where.exactMarks,
      ranking: { termFrequency: 1.0, pageLength: 0.0, termSaturation: 2.0 },
    });
    await pagefind.init();
    const vocabulary: Vocabulary | undefined = words ? makeVocabulary(words) : undefined;
    return {
      pagefind,
      indexQuery: (typed) => {
        const query = typed.slice(0, MAX_QUERY).trim();
        return vocabulary ? segmentQuery(query, vocabulary) : query;
      },
    };
  })();
  opened.catch(() => (opened = undefined));
  return opened;
}

/** True when a query holds something to search for: a letter or a digit, not only punctuation. */
export function searchable(typed: string): boolean {
  return /[\p{L}\p{N}]/u.test(typed.slice(0, MAX_QUERY));
}

/**
 * The fragments (row ids such as "rec-miccaf-01") of a listing page's records that match a query:
 * the finder shows these rows. Pagefind matches the last word as a prefix, so this works as one types.
 */
export async function matchingRecordIds(index: SearchIndex, typed: string, listing: string): Promise<Set<string>> {
  const query = index.indexQuery(typed);
  const found = await index.pagefind.search(query, { filters: { [LISTED_IN]: { any: [listing] } } });
  const urls = await Promise.all((found?.results ?? []).map(async (hit) => (await hit.data()).url));
  return new Set(urls.map((url) => decodeURIComponent(url.split('#')[1] ?? '')).filter(Boolean));
}
