/**
 * Khmer for the words and section names of source locators (data/locators.csv), for formatLocator().
 * Loaded once per build.
 */
import path from 'node:path';
import { z } from 'zod';
import { siteConfig } from '../config/site-config';
import { loadCsv } from './csv';
import { termKey, type LocatorTerms } from '../content/locator';

export const LocatorTermSchema = z.object({
  /** English as sentence case prints it; matched without regard to case. "{n}" stands for the numbers after a label word. */
  en: z.string().min(1, 'the English word or section name'),
  /** Khmer for it; "{n}" where the numbers go. */
  km: z.string().min(1, 'the Khmer for it'),
  /** Where the Khmer wording comes from: a Khmer report heading, shared/khmer-terms-from-seeds.md, or the site. */
  from: z.string().default(''),
});
export type LocatorTerm = z.infer<typeof LocatorTermSchema>;

const cache = new Map<string, LocatorTerms>();
/** English -> the language's wording; an empty map for the default language or a language with no column. */
export function locatorTerms(lang: string): LocatorTerms {
  const cached = cache.get(lang);
  if (cached) return cached;
  const rows = loadCsv(path.resolve(process.cwd(), siteConfig().dataRoot, 'locators.csv'), LocatorTermSchema, ['en', 'km']);
  const terms = new Map(lang === 'km' ? rows.map((r) => [termKey(r.en), r.km]) : []);
  cache.set(lang, terms);
  return terms;
}
