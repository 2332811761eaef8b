/** Content queries for pages: every slug of a collection in every language, with fallbacks. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultLocale, localeCodes } from '../i18n';
import { pairEntries, type PairedPage } from './pairing';
import { sourceHashOf } from '../i18n/source-hash';

export type EntryCollection = 'reports' | 'briefs';
type AnyEntry = CollectionEntry<'reports'> | CollectionEntry<'briefs'> | CollectionEntry<'pages'>;

const cache = new Map<string, PairedPage<AnyEntry>[]>();

export async function localizedEntries<C extends 'reports' | 'briefs' | 'pages'>(collection: C): Promise<PairedPage<CollectionEntry<C>>[]> {
  if (!cache.has(collection)) {
    const entries = (await getCollection(collection)) as AnyEntry[];
    cache.set(collection, pairEntries(entries, localeCodes(), defaultLocale(), collection));
  }
  return cache.get(collection) as PairedPage<CollectionEntry<C>>[];
}

/** Entries of one language, newest first then by title; fallbacks included so every list is complete. */
export async function entriesFor<C extends EntryCollection>(collection: C, lang: string): Promise<PairedPage<CollectionEntry<C>>[]> {
  const pages = (await localizedEntries(collection)).filter((p) => p.lang === lang);
  return pages.sort((a, b) => b.entry.data.date.getTime() - a.entry.data.date.getTime() || a.entry.data.title.localeCompare(b.entry.data.title));
}

/** The page for one slug in one language. */
export async function entryFor<C extends 'reports' | 'briefs' | 'pages'>(collection: C, lang: string, slug: string) {
  return (await localizedEntries(collection)).find((p) => p.lang === lang && p.slug === slug);
}

/** Slug of an entry id ("km/miccaf" -> "miccaf"). */
export function slugOf(entry: { id: string }): string {
  return entry.id.split('/').slice(1).join('/');
}
export function langOf(entry: { id: string }): string {
  return entry.id.split('/')[0];
}

/** True when this page shows a translation whose original changed after it was made. */
export async function isStale<C extends 'reports' | 'briefs' | 'pages'>(collection: C, page: PairedPage<CollectionEntry<C>>): Promise<boolean> {
  const recorded = (page.entry.data as { sourceHash?: string }).sourceHash;
  if (page.isFallback || !recorded) return false;
  const original = (await localizedEntries(collection)).find((p) => p.slug === page.slug && p.lang === defaultLocale() && !p.isFallback);
  if (!original || original.entry.id === page.entry.id) return false;
  return originalHash(original.entry) !== recorded;
}

const hashes = new Map<string, string>();

/**
 * The original's hash, read from its file: the content store keeps no entry's text (content.config.ts), and
 * the file is what npm run i18n:stamp hashed. Read once a build.
 */
function originalHash(entry: { id: string; filePath?: string }): string {
  if (!entry.filePath) throw new Error(`content entry ${entry.id} has no file: its translations cannot be checked for staleness`);
  let hash = hashes.get(entry.filePath);
  if (hash === undefined) hashes.set(entry.filePath, (hash = sourceHashOf(readFileSync(path.resolve(entry.filePath), 'utf8'))));
  return hash;
}
