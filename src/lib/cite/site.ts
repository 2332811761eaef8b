/**
 * Citations of this site's pages and of the source documents, with the site's settings filled in: the CSL item
 * of a report or brief page, of a source document, the download paths and the files' text.
 */
import type { CollectionEntry } from 'astro:content';
import { siteConfig } from '../config/site-config';
import { findSource, type Source } from '../data/registries';
import { langOf } from '../content/collections';
import type { PairedPage } from '../content/pairing';
import { localizedPath, withBase } from '../i18n/paths';
import { useLocale } from '../i18n';
import { toBibtex } from './bibtex';
import { pageCitation, sourceCitation, toCslJson, type CitationFormat, type CitedKind, type CslItem } from './csl';
import { toRis } from './ris';

export type CitedPage = PairedPage<CollectionEntry<'reports'> | CollectionEntry<'briefs'>>;

export const FORMAT_FILES: Record<CitationFormat, { contentType: string; label: string }> = {
  bib: { contentType: 'application/x-bibtex; charset=utf-8', label: 'BibTeX' },
  ris: { contentType: 'application/x-research-info-systems; charset=utf-8', label: 'RIS' },
  json: { contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8', label: 'CSL-JSON' },
};

/** Absolute URL of a site path (base added). */
export function absoluteUrl(sitePath: string): string {
  const config = siteConfig();
  return new URL(withBase(config.base, sitePath), config.url).href;
}

/** "cite/en/reports/miccaf.bib" (no base) for a page; "cite/sources/miccaf.bib" for a source document. */
export function citationFile(target: { lang: string; kind: CitedKind; slug: string } | { source: string }, format: CitationFormat): string {
  return 'source' in target ? `cite/sources/${target.source}.${format}` : `cite/${target.lang}/${target.kind}s/${target.slug}.${format}`;
}
export function citationHref(target: Parameters<typeof citationFile>[0], format: CitationFormat): string {
  return withBase(siteConfig().base, citationFile(target, format));
}

export function pageCitationItem(page: CitedPage, kind: CitedKind): CslItem {
  const { t, pick } = useLocale(page.lang);
  const data = page.entry.data;
  const source = findSource(data.source)!;
  return pageCitation({
    kind,
    slug: page.slug,
    lang: page.lang,
    contentLang: langOf(page.entry),
    title: data.title,
    summary: data.summary,
    date: data.date,
    url: absoluteUrl(localizedPath(page.lang, `${kind}s/${page.slug}`)),
    organisation: pick(siteConfig().identity.organisation),
    genre: t(`cite.genre.${kind}`),
    source,
    basedOn: t('cite.basedOn', { title: source.title, organisation: source.organisation }),
  });
}

export function sourceCitationItem(source: Source): CslItem {
  return sourceCitation(source);
}

export function formatCitation(item: CslItem, format: CitationFormat): string {
  return format === 'bib' ? toBibtex(item) : format === 'ris' ? toRis(item) : toCslJson(item);
}
