/**
 * BibTeX (biblatex-compatible) from a CSL item. Text stays UTF-8, Khmer included (biber and Zotero read it);
 * only the characters that mean something to TeX are escaped. Names are kept whole in braces, so that
 * "Migration Evidence Project" or "Chan Narith" is never split into family and given names.
 */
import type { CslItem } from './csl';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Escapes TeX's special characters in a field value; line breaks become spaces. */
export function escapeBibtex(value: string): string {
  return value
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\{}$&%#_^~]/g, (c) => {
      switch (c) {
        case '\\':
          return '\\textbackslash{}';
        case '^':
          return '\\textasciicircum{}';
        case '~':
          return '\\textasciitilde{}';
        default:
          return `\\${c}`;
      }
    });
}

/** A URL as a verbatim field: only characters that would break the braces or a TeX run are percent-encoded. */
function escapeUrl(url: string): string {
  return url.replace(/[{}\\%#\s]/g, (c) => (c === '%' ? '\\%' : c === '#' ? '\\#' : encodeURIComponent(c)));
}

/** A citation key: letters, digits and hyphens only. */
export function bibtexKey(id: string): string {
  return id.normalize('NFKD').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'item';
}

export function toBibtex(item: CslItem): string {
  const fields: [string, string][] = [];
  const add = (name: string, value: string | undefined, raw = false) => {
    if (value !== undefined && value !== '') fields.push([name, raw ? value : `{${escapeBibtex(value)}}`]);
  };
  const entryType = item.type === 'chapter' ? 'incollection' : 'techreport';
  // The title's capitals are the document's own (names, acronyms): braces keep styles and importers from changing them.
  if (item.title) fields.push(['title', `{{${escapeBibtex(item.title)}}}`]);
  if (item.author?.length) fields.push(['author', `{${item.author.map((a) => `{${escapeBibtex(a.literal)}}`).join(' and ')}}`]);
  // institution and publisher are lists split on " and ": braces keep "IOM, FAO, UNICEF and UN Women" one name.
  if (item.publisher) fields.push([entryType === 'techreport' ? 'institution' : 'publisher', `{{${escapeBibtex(item.publisher)}}}`]);
  add('type', item.genre);
  add('chapter', item['chapter-number']);
  const parts = item.issued?.['date-parts'][0];
  if (parts) {
    add('date', parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-'));
    add('year', String(parts[0]));
    if (parts[1]) add('month', MONTHS[parts[1] - 1], true);
  }
  if (item.URL) fields.push(['url', `{${escapeUrl(item.URL)}}`]);
  add('language', item.language);
  add('abstract', item.abstract);
  add('note', item.note);
  return `@${entryType}{${bibtexKey(item.id)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
}
