/**
 * The search page's behaviour (see SearchPanel.astro): loaded when the reader starts to search, with the
 * search client, so the page's first script stays small. Pagefind and the index load then too.
 */
import { restoreExcerpt } from '../../lib/search/segmentation';
import { groupParts, LISTED_IN, LISTING, rankHits, type ResultGroup } from '../../lib/search/rank';
import { cleanQuery, MAX_QUERY, openSearchIndex, searchable, searchTerms, type Pagefind, type PagefindHit, type PagefindResultData, type SearchIndex } from '../../lib/search/client';

type Strings = Record<
  'loading' | 'none' | 'error' | 'one' | 'other' | 'type' | 'theme' | 'country' | 'moreIn' | 'partsIn' | 'morePartsOne' | 'morePartsOther' | 'empty' | 'noWords' | 'tooLong' | 'corrected' | 'exactInstead' | 'crossTerm' | 'otherLanguage',
  string
>;
type Group = ResultGroup<PagefindHit>;
/** What a result shows before its excerpt: written by the build for each result (cards-<lang>.json). */
interface Card {
  url: string;
  title: string;
  type: string;
}
type Filters = Record<string, { any: string[] }>;
/** What a query found, and what the page says about how it was searched. */
interface Outcome {
  groups: Group[] | null;
  /** The query searched instead of a misspelt one. */
  corrected?: string;
  /** This language's terms searched for the other language's words typed. */
  crossTerms?: string[];
  /** Another language whose script the query is written in. */
  other?: { code: string; script: string; href: string; name: string };
}

const FILTERS = ['type', 'theme', 'country'] as const;
// Short enough that a keystroke shows results within 100 ms, long enough to skip work between fast keystrokes.
const DEBOUNCE_MS = 20;
const PAGE_SIZE = 10;
// Records of a listing page shown under it before the rest fold away behind a disclosure.
const PARTS_SHOWN = 3;

/** Pagefind escapes page text; this keeps only its <mark> highlights as markup. */
function safeExcerpt(html: string): string {
  const marked = html.replace(/<mark>/g, '\u0001').replace(/<\/mark>/g, '\u0002');
  const text = marked.replace(/<[^>]*>/g, '').replace(/</g, '&lt;');
  return restoreExcerpt(text.replace(/\u0001/g, '<mark>').replace(/\u0002/g, '</mark>'));
}

/** A result's card from what Pagefind loaded for it. */
function cardOf(data: PagefindResultData): Card {
  return { url: data.url, title: data.meta.title ?? data.url, type: data.meta.type ?? '' };
}

/** A template's text with {name} filled, as DOM nodes: a string value as text, a node as it is. */
function filled(template: string, values: Record<string, string | Node>): (string | Node)[] {
  return template.split(/\{\{(\w+)\}\}/).map((part, i) => (i % 2 ? (values[part] ?? '') : part));
}

/** The search page's behaviour, attached to its <site-search> element when the reader starts to search. */
export class SearchController {
  private dataset: DOMStringMap;
  private pagefind?: Pagefind;
  private index?: SearchIndex;
  private loading?: Promise<void>;
  private composing = false;
  private timer?: number;
  private runId = 0;
  /** Search exactly what was typed, without correcting it (the reader followed "Search instead for"). */
  private exact = false;
  private strings!: Strings;
  private others: NonNullable<Outcome['other']>[] = [];
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private note!: HTMLElement;
  private results!: HTMLOListElement;
  private filterForm!: HTMLFormElement;
  private filterBox!: HTMLDetailsElement;
  private filterCount!: HTMLElement;
  private more!: HTMLButtonElement;
  private lastResults: Group[] = [];
  /** Record id to the id of its listing page (each recommendation to the recommendations page). */
  private listingOf = new Map<string, string>();
  /** The listing pages by id, as results of a filter-only search (no highlights). */
  private listingPages = new Map<string, PagefindHit>();
  private listingNames: string[] = [];
  /** Each result's card by its id, so results show at once and only their excerpts wait for Pagefind; none past MAX_CARDS. */
  private cards = new Map<string, Card>();

  /** `root` is the <site-search> element; its form's submit and the first focus are already handled there (SearchPanel.astro). */
  constructor(root: HTMLElement) {
    const find = <T extends Element>(hook: string) => root.querySelector(`[data-search-${hook}]`) as T;
    this.dataset = root.dataset;
    this.strings = JSON.parse(this.dataset.strings ?? '{}');
    this.others = JSON.parse(this.dataset.others ?? '[]');
    this.input = find('input');
    this.status = find('status');
    this.note = find('note');
    this.results = find('results');
    this.filterForm = find('filters');
    this.filterBox = find('filters-box');
    this.filterCount = find('filters-count');
    this.more = find('more');
    this.more.addEventListener('click', () => void this.showMore());
    this.composing = root.dataset.composing !== undefined;

    this.input.addEventListener('compositionstart', () => (this.composing = true));
    this.input.addEventListener('compositionend', () => {
      this.composing = false;
      this.schedule();
    });
    this.input.addEventListener('input', (event) => {
      this.exact = false;
      // While an input method composes a Khmer syllable, wait for the finished text.
      if (this.composing || (event as InputEvent).isComposing) return;
      this.schedule();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.input.value) {
        this.input.value = '';
        this.schedule();
      }
    });
    this.filterForm.addEventListener('change', () => {
      this.showFilterCount();
      void this.run();
    });

    const params = new URLSearchParams(location.search);
    const initial = params.get('q');
    if (initial) {
      this.input.value = initial;
      this.exact = params.has('exact');
      void this.run();
    } else {
      // Text typed while this module loaded (unless an input method is still composing it).
      if (this.input.value && !this.composing) this.schedule();
      void this.load();
    }
  }

  private schedule() {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  private load(): Promise<void> {
    this.loading ??= (async () => {
      this.status.textContent = this.strings.loading;
      const [index, cards] = await Promise.all([
        openSearchIndex({ bundle: this.dataset.bundle!, vocabulary: this.dataset.vocabulary, exactMarks: this.dataset.exactMarks !== undefined }),
        // Absent on a site with too many results for the file to pay its way: results then wait for their fragments.
        fetch(`${this.dataset.bundle}cards-${document.documentElement.lang}.json`)
          .then((r): Promise<Record<string, [string, string, string]>> => (r.ok ? r.json() : Promise.resolve({})))
          .catch(() => ({}) as Record<string, [string, string, string]>),
      ]);
      this.index = index;
      for (const [id, [url, title, type]] of Object.entries(cards)) this.cards.set(id, { url: ('/' + url).replace(/\/+/g, '/'), title, type });
      const pagefind = (this.pagefind = this.index.pagefind);
      const available = await pagefind.filters();
      this.listingNames = Object.keys(available[LISTING] ?? {});
      await this.loadListings();
      this.renderFilters(available);
      this.status.textContent = '';
    })().catch((error) => {
      this.status.textContent = this.strings.error;
      throw error;
    });
    return this.loading;
  }

  /** Which records belong to which listing page: two filter-only searches per listing, once. */
  private async loadListings() {
    const pagefind = this.pagefind!;
    for (const name of this.listingNames) {
      const [pages, records] = await Promise.all([
        pagefind.search(null, { filters: { [LISTING]: { any: [name] } } }),
        pagefind.search(null, { filters: { [LISTED_IN]: { any: [name] } } }),
      ]);
      const page = pages?.results[0];
      if (!page) continue;
      this.listingPages.set(page.id, page);
      for (const record of records?.results ?? []) this.listingOf.set(record.id, page.id);
    }
  }

  /** The listing pages the reader's filters let through: records are grouped only under those. */
  private async allowedListings(filters: Filters): Promise<Map<string, PagefindHit>> {
    if (!Object.keys(filters).length || !this.listingPages.size) return this.listingPages;
    const allowed = await this.pagefind!.search(null, { filters: { ...filters, [LISTING]: { any: this.listingNames } } });
    const ids = new Set(allowed?.results.map((r) => r.id));
    return new Map([...this.listingPages].filter(([id]) => ids.has(id)));
  }

  private renderFilters(available: Record<string, Record<string, number>>) {
    for (const name of FILTERS) {
      const values = Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b, document.documentElement.lang));
      if (!values.length) continue;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = this.strings[name];
      fieldset.append(legend);
      for (const value of values) {
        const label = document.createElement('label');
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', name, value });
        label.append(box, ` ${value}`);
        fieldset.append(label);
      }
      this.filterBox.append(fieldset);
    }
    // Beside the results on a wide screen (search.css); folded above them on a phone, where a long list of
    // boxes would push every result off the first screen.
    this.filterBox.open = matchMedia('(min-width: 60rem)').matches;
    this.filterForm.hidden = false;
  }

  /** How many boxes are ticked, after the filters' heading: on a phone the list may be folded away. */
  private showFilterCount() {
    const ticked = this.filterForm.querySelectorAll('input:checked').length;
    this.filterCount.textContent = ticked ? ` (${new Intl.NumberFormat(document.documentElement.lang).format(ticked)})` : '';
  }

  private selectedFilters(): Filters {
    const data = new FormData(this.filterForm);
    const filters: Filters = {};
    for (const name of FILTERS) {
      const values = data.getAll(name).map(String);
      if (values.length) filters[name] = { any: values };
    }
    return filters;
  }

  /** Results best first (see lib/search/rank): a record whose title holds every word stands on its own. `phrase`: some result holds the words as typed. */
  private async ranked(typed: string, filters: Filters): Promise<{ groups: Group[]; phrase: boolean } | null> {
    const found = await searchTerms(this.pagefind!, this.index!.indexQuery(typed), filters);
    if (!found) return null;
    const ranked = rankHits(found.hits, found.terms, found.phrase);
    const own = new Set(ranked.filter((r) => r.standing.title === found.terms.length).map((r) => r.hit.id));
    const groups = groupParts(
      ranked.map((r) => r.hit),
      this.listingOf,
      await this.allowedListings(filters),
      (hit) => own.has(hit.id),
    );
    return { groups, phrase: found.phrase.size > 0 };
  }

  /**
   * The page's one query path: the query as typed, this language's glossary terms for words typed in the
   * other language's script (their results first), and a corrected query when the typed one finds nothing.
   */
  private async resolve(typed: string, filters: Filters): Promise<Outcome> {
    const letters = (script: string) => new RegExp(`\\p{Script=${script}}`, 'u').test(typed);
    const other = letters(this.dataset.script!) ? undefined : this.others.find((o) => letters(o.script));
    const first = await this.ranked(typed, filters);
    const outcome: Outcome = { groups: first?.groups ?? null, other };
    if (!first) return outcome;
    const index = this.index!;
    const query = cleanQuery(typed);
    // Pagefind answers a word it does not hold with words that begin like it; a word that is not found
    // whole (the typed words found no phrase, and the word alone finds nothing) is a typo to correct.
    const latin = first.phrase || this.exact ? [] : query.split(/\s+/).filter((w) => /^[A-Za-z]{5,}$/.test(w)).slice(0, 6);
    const misspelt = (await Promise.all(latin.map(async (w) => ((await this.pagefind!.search(`"${w}"`))?.results.length ? '' : w)))).filter(Boolean);
    if (!other && !misspelt.length) return outcome;
    const assist = await import('../../lib/search/assist');
    if (other) {
      const cross = assist.crossQuery(query, index.terms.cross, index.normalize);
      const translated = cross && (await this.ranked(cross.query, filters))?.groups;
      if (translated?.length) {
        const seen = new Set(translated.map((g) => g.hit.id));
        outcome.groups = [...translated, ...first.groups.filter((g) => !seen.has(g.hit.id))];
        outcome.crossTerms = cross!.terms;
      }
    }
    if (misspelt.length && !outcome.crossTerms) {
      const corrected = await assist.correctQuery(query, misspelt, `${index.bundle}spelling-${index.lang}.json`);
      const again = corrected ? (await this.ranked(corrected, filters))?.groups : null;
      if (again?.length) Object.assign(outcome, { groups: again, corrected });
    }
    return outcome;
  }

  /** The page's own query path without rendering, for benchmarks and tests: each result's URL and the links shown under it. */
  async query(text: string, limit = 10): Promise<{ url: string; parts: string[]; corrected?: string }[]> {
    await this.load();
    const { groups, corrected } = await this.resolve(text, {});
    if (!groups || limit === 0) return [];
    return Promise.all(
      groups.slice(0, limit).map(async ({ hit, parts }) => ({
        url: (await hit.data()).url,
        parts: await Promise.all(parts.slice(0, PARTS_SHOWN).map(async (p) => (await p.data()).url)),
        corrected,
      })),
    );
  }

  async run() {
    const id = ++this.runId;
    await this.load();
    if (id !== this.runId) return;
    const typed = this.input.value.trim();
    const filters = this.selectedFilters();
    const url = new URL(location.href);
    if (typed) url.searchParams.set('q', typed);
    else url.searchParams.delete('q');
    if (!this.exact) url.searchParams.delete('exact');
    history.replaceState(null, '', url);
    this.note.hidden = true;
    const words = searchable(typed);
    if (!words && !Object.keys(filters).length) {
      this.results.replaceChildren();
      this.status.textContent = typed ? this.strings.noWords : this.strings.empty;
      this.more.hidden = true;
      return;
    }
    const outcome = await this.resolve(words ? typed : '', filters);
    if (id !== this.runId || !outcome.groups) return;
    const results = outcome.groups;
    const items = await Promise.all(results.slice(0, PAGE_SIZE).map((group) => this.resultItem(group)));
    if (id !== this.runId) return;
    this.lastResults = results;
    this.render(items, results.length);
    this.renderNote(typed, outcome);
  }

  /** What the results say about the query: a correction, terms searched in this language, a long query cut, the other language's search. */
  private renderNote(typed: string, { corrected, crossTerms, other }: Outcome) {
    const lines: (string | Node)[][] = [];
    const link = (text: string, href: string) => Object.assign(document.createElement('a'), { href, textContent: text });
    const here = (q: string, exact = false) => `?${new URLSearchParams(exact ? { q, exact: '' } : { q })}`;
    if (corrected) {
      lines.push(filled(this.strings.corrected, { query: Object.assign(document.createElement('strong'), { textContent: corrected }) }));
      lines.push(filled(this.strings.exactInstead, { query: link(typed, here(typed, true)) }));
    }
    if (crossTerms) lines.push(filled(this.strings.crossTerm, { terms: crossTerms.join(', ') }));
    if (typed.length > MAX_QUERY) lines.push([this.strings.tooLong]);
    if (other) lines.push(filled(this.strings.otherLanguage, { language: other.name, query: Object.assign(link(cleanQuery(typed), `${other.href}${here(cleanQuery(typed))}`), { lang: other.code }) }));
    this.note.replaceChildren(...lines.flatMap((line, i) => (i ? [document.createElement('br'), ...line] : line)));
    this.note.hidden = !lines.length;
  }

  /** Text for a count, in the page's language: `one`/`other` templates with {count}. */
  private counted(total: number, one: string, other: string): string {
    const lang = document.documentElement.lang;
    const template = new Intl.PluralRules(lang).select(total) === 'one' ? one : other;
    return template.replace('{count}', new Intl.NumberFormat(lang).format(total));
  }

  private render(items: HTMLLIElement[], total: number) {
    this.status.textContent = total ? this.counted(total, this.strings.one, this.strings.other) : this.strings.none;
    this.results.replaceChildren(...items);
    this.more.hidden = items.length >= total;
  }

  /** The next page of results, appended; focus moves to the first new one so a keyboard reader goes on from there. */
  private async showMore() {
    const id = this.runId;
    const next = this.lastResults.slice(this.results.children.length, this.results.children.length + PAGE_SIZE);
    const items = await Promise.all(next.map((group) => this.resultItem(group)));
    if (id !== this.runId || !items.length) return;
    this.results.append(...items);
    this.more.hidden = this.results.children.length >= this.lastResults.length;
    items[0].querySelector('a')?.focus();
  }

  /**
   * One result. With the result's card (and its shown records' cards) at hand it is built at once and its
   * excerpt is filled when Pagefind has loaded it; otherwise it waits for that.
   */
  private async resultItem({ hit, parts }: Group): Promise<HTMLLIElement> {
    const shownParts = parts.slice(0, PARTS_SHOWN);
    const loading = hit.data();
    const known = [hit, ...shownParts].every((h) => this.cards.has(h.id));
    const [item, ...shown] = known ? [hit, ...shownParts].map((h) => this.cards.get(h.id)!) : await Promise.all([loading.then(cardOf), ...shownParts.map(async (h) => cardOf(await h.data()))]);
    const li = document.createElement('li');
    li.className = 'search-result';
    const type = Object.assign(document.createElement('p'), { className: 'search-result__type', textContent: restoreExcerpt(item.type) });
    const heading = document.createElement('h2');
    heading.className = 'search-result__title';
    heading.append(Object.assign(document.createElement('a'), { href: item.url, textContent: restoreExcerpt(item.title) }));
    const excerpt = Object.assign(document.createElement('p'), { className: 'search-result__excerpt' });
    excerpt.dataset.pending = '';
    li.append(type, heading, excerpt);
    if (parts.length) li.append(this.partsList(shown, parts.slice(PARTS_SHOWN)));
    const fill = (data: PagefindResultData) => {
      excerpt.innerHTML = safeExcerpt(data.excerpt);
      delete excerpt.dataset.pending;
      if (parts.length) return;
      const subs = data.sub_results.filter((s) => s.url !== data.url && s.url.includes('#')).slice(0, 2);
      if (subs.length) li.append(this.linkList(subs.map((s) => ({ url: s.url, title: s.title })), this.strings.moreIn));
    };
    if (known) void loading.then(fill, () => excerpt.remove());
    else fill(await loading);
    return li;
  }

  private linkList(links: { url: string; title: string }[], label: string): HTMLUListElement {
    const list = document.createElement('ul');
    list.className = 'search-result__subs';
    list.setAttribute('aria-label', label);
    for (const link of links) {
      const li = document.createElement('li');
      li.append(Object.assign(document.createElement('a'), { href: link.url, textContent: restoreExcerpt(link.title) }));
      list.append(li);
    }
    return list;
  }

  /** The matching records of a listing page: the first few as links, the rest behind a native disclosure, loaded when opened. */
  private partsList(shown: Card[], folded: PagefindHit[]): HTMLElement {
    const list = this.linkList(shown, this.strings.partsIn);
    if (!folded.length) return list;
    const wrapper = document.createElement('div');
    const details = document.createElement('details');
    details.className = 'search-result__more-parts';
    const summary = Object.assign(document.createElement('summary'), { textContent: this.counted(folded.length, this.strings.morePartsOne, this.strings.morePartsOther) });
    details.append(summary);
    details.addEventListener(
      'toggle',
      async () => {
        const cards = await Promise.all(folded.map(async (h) => this.cards.get(h.id) ?? cardOf(await h.data())));
        details.append(this.linkList(cards, this.strings.partsIn));
      },
      { once: true },
    );
    wrapper.append(list, details);
    return wrapper;
  }
}
