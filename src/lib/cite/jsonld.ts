/**
 * schema.org JSON-LD for pages: a Report with the source document it is based on, a Dataset for a findings file,
 * a BreadcrumbList. jsonLdText() makes the JSON safe inside <script type="application/ld+json">: text from CSV
 * files and frontmatter can never close the element or start markup.
 */
import type { CslItem } from './csl';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type JsonLd = { [key: string]: Json | undefined };

/** JSON for a <script> data block: "<", ">", "&" and the two JavaScript line separators written as \u escapes. */
export function jsonLdText(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function breadcrumbList(items: { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

function isoFromParts(parts: number[] | undefined): string | undefined {
  if (!parts) return undefined;
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
}

function agent(name: string): JsonLd {
  return { '@type': 'Organization', name };
}

/** The source document as a CreativeWork: Report, or Chapter when the CSL item is a chapter. */
export function creativeWork(item: CslItem, url?: string): JsonLd {
  const authors = item.author ?? [];
  // A document with a publisher is issued by organisations; without one its authors are people (csl.ts).
  const asPeople = !item.publisher && authors.length > 1;
  return {
    '@type': item.type === 'chapter' ? 'Chapter' : 'Report',
    name: item.title,
    author: authors.map((a) => (asPeople ? { '@type': 'Person', name: a.literal } : agent(a.literal))),
    publisher: item.publisher ? agent(item.publisher) : undefined,
    datePublished: isoFromParts(item.issued?.['date-parts'][0]),
    inLanguage: item.language,
    url,
  };
}

/**
 * A report or brief page of this site, based on its source document. Lean on purpose (it is on every report and
 * brief page): the description and title are in the page's other meta tags already.
 */
export function reportJsonLd(page: CslItem, source: CslItem, options: { pdfUrl?: string } = {}): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: page.title,
    url: page.URL,
    inLanguage: page.language,
    dateModified: isoFromParts(page.issued?.['date-parts'][0]),
    author: (page.author ?? []).map((a) => agent(a.literal)),
    publisher: page.publisher ? agent(page.publisher) : undefined,
    isBasedOn: creativeWork(source),
    encoding: options.pdfUrl ? { '@type': 'MediaObject', encodingFormat: 'application/pdf', contentUrl: options.pdfUrl } : undefined,
  };
}

export interface DatasetInput {
  name: string;
  description: string;
  /** The page that shows the data. */
  url: string;
  inLanguage: string;
  /** Downloads: CSV files (absolute URLs). */
  csv: string[];
  variables: { name: string; unitText?: string; description?: string }[];
  license: { name: string; url: string };
  creator: string;
  /** The documents the rows come from. */
  basedOn: JsonLd[];
  keywords?: string[];
}

export function datasetJsonLd(d: DatasetInput, withContext = true): JsonLd {
  return {
    ...(withContext ? { '@context': 'https://schema.org' } : {}),
    '@type': 'Dataset',
    name: d.name,
    description: d.description,
    url: d.url,
    inLanguage: d.inLanguage,
    creator: agent(d.creator),
    license: { '@type': 'CreativeWork', name: d.license.name, url: d.license.url },
    isAccessibleForFree: true,
    isBasedOn: d.basedOn,
    keywords: d.keywords,
    distribution: d.csv.map((contentUrl) => ({ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl })),
    variableMeasured: d.variables.map((v) => ({ '@type': 'PropertyValue', name: v.name, unitText: v.unitText, description: v.description })),
  };
}
