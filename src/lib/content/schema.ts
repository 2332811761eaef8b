/**
 * Frontmatter schemas for reports, briefs and pages. Theme, country and source ids are checked
 * against the registries in data/, so an unknown id fails the build with the allowed values named.
 */
import { z } from 'zod';

export const TRANSLATION_STATUSES = ['original', 'machine', 'translated', 'reviewed'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export interface SchemaRegistries {
  themes: readonly string[];
  countries: readonly string[];
  sources: readonly string[];
}

function oneOf(allowed: readonly string[], what: string, file: string) {
  return z.string().refine((v) => allowed.includes(v), {
    error: (issue) => `unknown ${what} ${JSON.stringify(issue.input)}: use one of ${allowed.join(', ')} (listed in data/${file})`,
  });
}

export function makeEntrySchema(reg: SchemaRegistries) {
  return z.object({
    /** Page title, plain text. */
    title: z.string().min(1),
    /** One or two sentences for lists, search results and the meta description. */
    summary: z.string().min(1),
    /** Date the page was written for this site (the source's own date is in data/sources.csv). */
    date: z.coerce.date(),
    /** Country the page is about: an id from data/countries.csv. */
    country: oneOf(reg.countries, 'country', 'countries.csv'),
    /** 1-5 theme ids from data/themes.csv. */
    themes: z.array(oneOf(reg.themes, 'theme', 'themes.csv')).min(1).max(5),
    /** The source document: an id from data/sources.csv (its original title and organisation live there). */
    source: oneOf(reg.sources, 'source document', 'sources.csv'),
    /** original = written in this language; machine = machine-made draft translation; translated = by a person; reviewed = checked by a second person. */
    translation: z.enum(TRANSLATION_STATUSES),
    /** Briefs: the key messages, shown first and as the first slide. */
    keyMessages: z.array(z.string().min(1)).optional(),
    /** Home and pages: ids of finding rows to show as key numbers. */
    keyFigures: z.array(z.string()).optional(),
    /** Translations: hash of the original-language text this translation was made from (npm run i18n:stamp). */
    sourceHash: z.string().regex(/^[0-9a-f]{12}$/, 'a 12-character hash written by npm run i18n:stamp').optional(),
  }).strict();
}

/** Pages (home, about) are not tied to one country, theme or source. */
export function makePageSchema() {
  return z.object({
    title: z.string().min(1),
    summary: z.string().min(1),
    date: z.coerce.date(),
    translation: z.enum(TRANSLATION_STATUSES),
    keyFigures: z.array(z.string()).optional(),
    sourceHash: z.string().regex(/^[0-9a-f]{12}$/, 'a 12-character hash written by npm run i18n:stamp').optional(),
  }).strict();
}

export type EntryData = z.infer<ReturnType<typeof makeEntrySchema>>;
