/**
 * Translation freshness: a short hash of the text a translation is made from. A translation records the
 * hash of its original when it is made (npm run i18n:stamp); when the original's hash no longer matches,
 * the translation is stale and readers are told that the original is newer.
 */
import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';

export function textHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 12);
}

export interface HashedEntry {
  title: string;
  summary: string;
  keyMessages?: (string | { text: string })[];
}

/** The translatable part of a content entry: its words, not its date or status. */
export function entryHash(data: HashedEntry, body: string): string {
  // Only the words count: a key message's link to a section is not something a translator changes.
  const messages = (data.keyMessages ?? []).map((m) => (typeof m === 'string' ? m : m.text));
  return textHash(JSON.stringify([data.title, data.summary, messages, body.trim()]));
}

export type Freshness = 'missing' | 'unrecorded' | 'current' | 'stale';

export function freshness(originalHash: string, translation: { exists: boolean; recordedHash?: string }): Freshness {
  if (!translation.exists) return 'missing';
  if (!translation.recordedHash) return 'unrecorded';
  return translation.recordedHash === originalHash ? 'current' : 'stale';
}

/** A content file split into its YAML frontmatter (parsed) and its body. */
export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!m) return { data: {}, body: source };
  return { data: (parseDocument(m[1]).toJS() ?? {}) as Record<string, unknown>, body: source.slice(m[0].length) };
}

/** entryHash of a content file, from its text: what npm run i18n:stamp records in the file's translations. */
export function sourceHashOf(source: string): string {
  const { data, body } = splitFrontmatter(source);
  return entryHash(data as unknown as HashedEntry, body);
}
