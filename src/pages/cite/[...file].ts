/**
 * /cite/{lang}/{reports|briefs}/{slug}.{bib|ris|json} and /cite/sources/{id}.{bib|ris|json}: BibTeX, RIS and
 * CSL-JSON for every report and brief page in every language and for every source document (src/lib/cite).
 */
import type { APIRoute } from 'astro';
import { localizedEntries } from '../../lib/content/collections';
import { registries } from '../../lib/data/registries';
import { CITATION_FORMATS, type CslItem, type CitationFormat } from '../../lib/cite/csl';
import { citationFile, FORMAT_FILES, formatCitation, pageCitationItem, sourceCitationItem } from '../../lib/cite/site';

export async function getStaticPaths() {
  const items: { file: (f: CitationFormat) => string; item: CslItem }[] = [];
  for (const kind of ['report', 'brief'] as const) {
    for (const page of await localizedEntries(kind === 'report' ? 'reports' : 'briefs')) {
      items.push({ file: (f) => citationFile({ lang: page.lang, kind, slug: page.slug }, f), item: pageCitationItem(page, kind) });
    }
  }
  for (const source of registries().sources) items.push({ file: (f) => citationFile({ source: source.id }, f), item: sourceCitationItem(source) });
  return items.flatMap(({ file, item }) =>
    CITATION_FORMATS.map((format) => ({ params: { file: file(format).replace(/^cite\//, '') }, props: { body: formatCitation(item, format), format } })),
  );
}

export const GET: APIRoute = ({ props }) => {
  const { body, format } = props as { body: string; format: CitationFormat };
  return new Response(body, { headers: { 'Content-Type': FORMAT_FILES[format].contentType } });
};
