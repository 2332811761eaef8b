/**
 * The browser's side of search, shared by the search page and the finders on the recommendations and
 * practices pages: Pagefind loaded with the site's options, and a query turned into the index's words
 * (Khmer spelling variants folded as at index time, Khmer split by the indexed vocabulary). One matcher for
 * the whole site. Browser only; imported lazily, when a reader starts to type.
 */
import { LISTED_IN, phraseIds, termsOf, type RankedHit, type TermHits } from './rank';
import { makeNormalizer, type Normalizer } from './normalize';
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

/** What the build writes beside the index for the browser (terms-<lang>.json, see search-index.ts). */
export interface SearchTerms {
  variants: [string, string][];
  /** [typed in another language, searched in this one] */
  cross: [string, string][];
}

export interface SearchIndex {
  pagefind: Pagefind;
  /** The index's folder and language, for files read later (spelling-<lang>.json). */
  bundle: string;
  lang: string;
  terms: SearchTerms;
  normalize: Normalizer;
  /** A query in the index's words. */
  indexQuery(typed: string): string;
}

/** A query is capped: past this many characters a reader is pasting, not searching, and matching costs grow. */
export const MAX_QUERY = 200;

/** What the reader typed, capped and without unpaired surrogates (a cut emoji or a broken paste). */
export function cleanQuery(typed: string): string {
  return typed
    .slice(0, MAX_QUERY)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\u200B/g, ' ');
}

let opened: Promise<SearchIndex> | undefined;

/** Loads Pagefind and the vocabulary once per page, whoever asks first. */
export function openSearchIndex(where: IndexLocation): Promise<SearchIndex> {
  opened ??= (async () => {
    const lang = document.documentElement.lang;
    const [pagefind, words, terms] = await Promise.all([
      import(/* @vite-ignore */ `${where.bundle}pagefind.js`) as Promise<Pagefind>,
      where.vocabulary ? fetch(where.vocabulary).then((r) => r.json() as Promise<string[]>) : Promise.resolve(null),
      fetch(`${where.bundle}terms-${lang}.json`).then((r) => (r.ok ? (r.json() as Promise<SearchTerms>) : { variants: [], cross: [] })),
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
    const normalize = makeNormalizer(terms.variants);
    return {
      pagefind,
      bundle: where.bundle,
      lang,
      terms,
      normalize,
      indexQuery: (typed) => {
        const query = normalize(cleanQuery(typed).trim());
        return vocabulary ? segmentQuery(query, vocabulary) : query;
      },
    };
  })();
  opened.catch(() => (opened = undefined));
  return opened;
}

/** True when a query holds something to search for: a letter or a digit, not only punctuation or a lone vowel sign. */
export function searchable(typed: string): boolean {
  return /[\p{L}\p{N}]/u.test(cleanQuery(typed));
}

/** Most words of a query whose place (title, heading, body) is looked up one by one; the rest count as body. */
const MAX_TERMS = 8;

/**
 * Each word's own results, kept for the page's visit: typing "children left behind" searches the earlier
 * words once, not at every keystroke. Keyed by word and filters; the oldest go past 200 entries.
 */
const termCache = new Map<string, Promise<{ results: PagefindHit[] } | null>>();
function searchTerm(pagefind: Pagefind, word: string, filters: Record<string, unknown>) {
  const key = `${word}\u0000${JSON.stringify(filters)}`;
  let found = termCache.get(key);
  if (!found) {
    found = pagefind.search(word, { filters });
    termCache.set(key, found);
    if (termCache.size > 200) termCache.delete(termCache.keys().next().value!);
  }
  return found;
}

/**
 * One search, with what ranking needs: the results of the whole query, and of each word on its own (where
 * each word stands on each page; see rank.ts), and which results hold the words as a phrase: for one word,
 * an exact search (the whole word, not words it begins); for several, read from the words' positions.
 */
export async function searchTerms(pagefind: Pagefind, query: string, filters: Record<string, unknown>): Promise<{ hits: PagefindHit[]; phrase: Set<string>; terms: TermHits[] } | null> {
  const words = termsOf(query).slice(0, MAX_TERMS);
  const [all, exact, ...each] = await Promise.all([
    pagefind.search(query || null, { filters }),
    words.length === 1 ? pagefind.search(`"${words[0]}"`, { filters }) : null,
    ...(words.length > 1 ? words.map((w) => searchTerm(pagefind, w, filters)) : []),
  ]);
  if (!all) return null;
  const terms = (words.length > 1 ? each.map((r) => r?.results ?? []) : [all.results]).map((hits) => new Map(hits.map((h) => [h.id, h])));
  const phrase = words.length > 1 ? phraseIds(all.results, terms) : new Set(exact?.results.map((r) => r.id));
  return { hits: all.results, phrase, terms };
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
