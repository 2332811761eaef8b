/**
 * The finder's keyword matching, loaded on first use. A module of its own so the finders import it
 * lazily while the search page imports client.ts directly: the shared code then stays one plain chunk.
 */
import { matchingRecordIds, openSearchIndex, searchable, type IndexLocation } from './client';

/** Ids of the listing's rows that match what the reader typed, or null when there is nothing to search for. */
export async function keywordMatches(where: IndexLocation, typed: string, listing: string): Promise<Set<string> | null> {
  if (!searchable(typed)) return null;
  return matchingRecordIds(await openSearchIndex(where), typed, listing);
}
