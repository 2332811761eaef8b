/**
 * RIS from a CSL item: one "TAG  - value" line per field, CRLF line ends as the format asks, UTF-8.
 * Authors are written without a comma, which Zotero reads as one name kept whole (an organisation); a comma
 * inside a name ("IOM, FAO, UNICEF and UN Women") would be read as "family, given", so it becomes a semicolon.
 */
import type { CslItem } from './csl';

/** One line per value: line breaks inside a value become spaces. */
function line(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\r\n`;
}

export function toRis(item: CslItem): string {
  let out = line('TY', item.type === 'chapter' ? 'CHAP' : 'RPRT');
  out += line('ID', item.id);
  out += line('TI', item.title);
  for (const a of item.author ?? []) out += line('AU', a.literal.replace(/\s*,\s*/g, '; '));
  const parts = item.issued?.['date-parts'][0];
  if (parts) {
    out += line('PY', String(parts[0]));
    out += line('DA', `${parts[0]}/${parts[1] ? String(parts[1]).padStart(2, '0') : ''}/${parts[2] ? String(parts[2]).padStart(2, '0') : ''}/`);
  }
  if (item.publisher) out += line('PB', item.publisher);
  if (item.genre) out += line('M3', item.genre);
  if (item['chapter-number']) out += line('SE', item['chapter-number']);
  if (item.URL) out += line('UR', item.URL);
  if (item.language) out += line('LA', item.language);
  if (item.abstract) out += line('AB', item.abstract);
  if (item.note) out += line('N1', item.note);
  return out + 'ER  - \r\n';
}
