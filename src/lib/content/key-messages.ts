/**
 * Key messages and key charts of a report or brief, resolved against the page: a message that names a
 * section gets a link to that ## heading, and a key chart must exist in data/charts.csv. A wrong name
 * fails the build with the file, the field and the names that would work.
 */
import { keyMessageText, type KeyMessage } from './schema';

export interface PageHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface ResolvedKeyMessage {
  text: string;
  /** Fragment of the section that explains the message, e.g. "#findings". */
  href?: string;
  /** The heading's words, for the link's accessible name. */
  sectionTitle?: string;
}

// Authors type straight quotes; the heading as built has curly ones.
const norm = (s: string) => s.normalize('NFC').replace(/[“”„"]/g, '"').replace(/[‘’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

export function resolveKeyMessages(messages: readonly KeyMessage[], headings: readonly PageHeading[], where: string): ResolvedKeyMessage[] {
  const sections = headings.filter((h) => h.depth === 2);
  return messages.map((message, i) => {
    const text = keyMessageText(message);
    if (typeof message === 'string') return { text };
    const heading = sections.find((h) => norm(h.text) === norm(message.section));
    if (!heading) {
      throw new Error(
        `${where}: keyMessages.${i}.section "${message.section}" is not a ## heading of this page. ` +
          `Write the heading as it stands, one of: ${sections.map((h) => `"${h.text}"`).join(', ')}.`,
      );
    }
    return { text, href: `#${heading.slug}`, sectionTitle: heading.text };
  });
}

/** Checks key chart ids against the charts that exist; returns them in order. */
export function resolveKeyCharts<T>(ids: readonly string[], find: (id: string) => T | undefined, known: readonly string[], where: string): T[] {
  return ids.map((id, i) => {
    const chart = find(id);
    if (!chart) throw new Error(`${where}: keyCharts.${i} "${id}" is not a chart id in data/charts.csv. Ids there: ${known.join(', ')}.`);
    return chart;
  });
}
