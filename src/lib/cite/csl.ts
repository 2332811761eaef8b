/**
 * Citation records as CSL-JSON items (the format Zotero, Mendeley and citeproc read), built from a report or
 * brief page of this site, or from a source document (data/sources.csv). BibTeX and RIS are written from
 * the same item (bibtex.ts, ris.ts), so the three downloads always agree.
 *
 * Nothing is invented: a source document without a date of issue gets no `issued`, one without a publisher
 * no `publisher`, and none gets a URL, because none prints an address of its own (obtain_url is the
 * publisher's page; it goes into the note with the words around it).
 */
import type { Source } from '../data/registries';

/** A name kept whole: organisations, and personal names whose family name the document does not mark. */
export interface CslName {
  literal: string;
}
export interface CslDate {
  'date-parts': [number[]];
}
/** The CSL-JSON fields this site writes (a subset of csl-data.json). */
export interface CslItem {
  id: string;
  type: 'report' | 'chapter';
  title: string;
  author?: CslName[];
  issued?: CslDate;
  publisher?: string;
  URL?: string;
  language?: string;
  abstract?: string;
  genre?: string;
  note?: string;
  'chapter-number'?: string;
}

export type CitedKind = 'report' | 'brief';
export const CITATION_FORMATS = ['bib', 'ris', 'json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** "2019", "2019-06" or "2019-06-11" (or a Date) as CSL date parts; empty gives undefined. */
export function cslDate(value: string | Date | undefined): CslDate | undefined {
  if (value === undefined || value === '') return undefined;
  if (value instanceof Date) return { 'date-parts': [[value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()]] };
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new Error(`cslDate: "${value}" is not a year, year-month or day (YYYY, YYYY-MM, YYYY-MM-DD).`);
  return { 'date-parts': [m.slice(1).filter(Boolean).map(Number)] };
}

export interface PageCitationInput {
  kind: CitedKind;
  slug: string;
  /** The language of the page (its URL). */
  lang: string;
  /** The language the text is written in (English on a Khmer page that has no translation yet). */
  contentLang: string;
  title: string;
  summary: string;
  /** When this site last updated the page (frontmatter date). */
  date: Date;
  /** Absolute URL of the page. */
  url: string;
  /** The site's organisation, which writes and publishes the page. */
  organisation: string;
  /** "Report" or "Brief", in the page's language. */
  genre: string;
  /** The document the page is based on. */
  source: Pick<Source, 'title' | 'organisation'>;
  /** "Based on: …", in the page's language, with {{title}} and {{organisation}} filled in by the caller. */
  basedOn: string;
}

export function pageCitation(input: PageCitationInput): CslItem {
  return {
    id: `${input.kind}-${input.slug}-${input.lang}`,
    type: 'report',
    title: input.title,
    author: [{ literal: input.organisation }],
    issued: cslDate(input.date),
    publisher: input.organisation,
    URL: input.url,
    language: input.contentLang,
    abstract: input.summary,
    genre: input.genre,
    note: input.basedOn,
  };
}

/**
 * The authors of a source document as data/sources.csv gives them in `organisation`. A document issued by an
 * organisation (it has a publisher, or the name carries a parenthesis) keeps the whole string as one name; a
 * document with no publisher lists its personal authors ("A, B, C and D"), each kept whole as printed.
 */
export function sourceAuthors(source: Pick<Source, 'organisation' | 'publisher_en'>): CslName[] {
  const names = source.organisation.trim();
  if (source.publisher_en || /[()]/.test(names)) return [{ literal: names }];
  return names
    .split(/,\s*|\s+and\s+/)
    .map((n) => n.trim())
    .filter(Boolean)
    .map((literal) => ({ literal }));
}

/** A source document: type report, or chapter when its printed title says "(chapter N)". */
export function sourceCitation(source: Source): CslItem {
  const chapter = /\(chapter\s+(\d+)\)/i.exec(source.title);
  const obtain = [source.obtain_en.trim(), source.obtain_url].filter(Boolean).join(' ');
  const item: CslItem = {
    id: `source-${source.id}`,
    type: chapter ? 'chapter' : 'report',
    title: source.title,
    author: sourceAuthors(source),
    language: 'en',
    note: [`Date: ${source.dated}.`, obtain].filter(Boolean).join(' '),
  };
  const issued = cslDate(source.published);
  if (issued) item.issued = issued;
  if (source.publisher_en) item.publisher = source.publisher_en;
  if (chapter) item['chapter-number'] = chapter[1];
  return item;
}

/** CSL-JSON text: an array of one item, as citeproc and Zotero expect. */
export function toCslJson(item: CslItem): string {
  return JSON.stringify([item], null, 2) + '\n';
}
