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

/** A key message: a sentence, optionally linked to the section of the page that explains it. */
export const KeyMessageSchema = z.union([
  z.string().min(1),
  z.object({ text: z.string().min(1), section: z.string().min(1) }).strict(),
]);
export type KeyMessage = z.infer<typeof KeyMessageSchema>;

/** A key number: a finding row id, or { id, label } where label says in plain words what the number counts. */
export const KeyFigureSchema = z.union([z.string().min(1), z.object({ id: z.string().min(1), label: z.string().min(1) }).strict()]);
export type KeyFigure = z.infer<typeof KeyFigureSchema>;

/** The words of a key message (what translations are made from and what search reads). */
export function keyMessageText(message: KeyMessage): string {
  return typeof message === 'string' ? message : message.text;
}

/**
 * A review record (written by npm run i18n:review -- <file> --record --reviewer "Full Name"): who reviewed the
 * translation, on which day, and the hash of the English at that time (so that a later change shows the review
 * as stale). See src/lib/i18n/review-record.ts.
 */
const reviewFields = {
  /** The person who reviewed the translation against the original. */
  reviewedBy: z.string().trim().min(1, 'the name of the person who reviewed the translation').optional(),
  /** The day of the review. */
  reviewedOn: z.coerce.date().optional(),
  /** Hash of the original-language text the review was made against. */
  reviewedHash: z.string().regex(/^[0-9a-f]{12}$/, 'a 12-character hash written by npm run i18n:review -- <file> --record').optional(),
};

const RECORD_HINT = 'record the review with npm run i18n:review -- <file> --record --reviewer "Full Name"';

/** translation: reviewed needs a review record; a review record needs translation: reviewed. */
function checkReview(data: { translation: TranslationStatus; reviewedBy?: string; reviewedOn?: Date; reviewedHash?: string }, ctx: z.RefinementCtx) {
  if (data.translation === 'reviewed') {
    if (!data.reviewedBy) ctx.addIssue({ code: 'custom', path: ['reviewedBy'], message: `translation is "reviewed" but no reviewer is named: ${RECORD_HINT}, or set translation to what it is (machine or translated).` });
    if (!data.reviewedOn) ctx.addIssue({ code: 'custom', path: ['reviewedOn'], message: `translation is "reviewed" but the date of the review is missing: ${RECORD_HINT}.` });
    if (!data.reviewedHash) ctx.addIssue({ code: 'custom', path: ['reviewedHash'], message: `translation is "reviewed" but the English it was reviewed against is not recorded: ${RECORD_HINT}.` });
  } else {
    for (const key of ['reviewedBy', 'reviewedOn', 'reviewedHash'] as const) {
      if (data[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is set but translation is "${data.translation}", not "reviewed": remove the review fields (the text is no longer the reviewed one) or ${RECORD_HINT}.` });
    }
  }
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
    /**
     * The 3-5 key messages, shown first under "What this study found" (and as a brief's first slide). Each is
     * a sentence, or { text, section } where section is the text of a ## heading on this page that the
     * message links to.
     */
    keyMessages: z.array(KeyMessageSchema).min(1).max(5).optional(),
    /** Ids from data/charts.csv shown at the top of the page, before the text (at most 3). */
    keyCharts: z.array(z.string().min(1)).max(3).optional(),
    /** Finding rows to show as key numbers: a row id, or { id, label } with a plain-language label. */
    keyFigures: z.array(KeyFigureSchema).optional(),
    /** Translations: hash of the original-language text this translation was made from (npm run i18n:stamp). */
    sourceHash: z.string().regex(/^[0-9a-f]{12}$/, 'a 12-character hash written by npm run i18n:stamp').optional(),
    ...reviewFields,
  }).strict().superRefine(checkReview);
}

/** Pages (home, about) are not tied to one country, theme or source. */
export function makePageSchema() {
  return z.object({
    title: z.string().min(1),
    summary: z.string().min(1),
    date: z.coerce.date(),
    translation: z.enum(TRANSLATION_STATUSES),
    /** Home: finding rows shown as key numbers, each with a plain-language label in this page's language. */
    keyFigures: z.array(KeyFigureSchema).optional(),
    /** Home: ids from data/charts.csv shown first, before any text (at most 4). */
    keyCharts: z.array(z.string().min(1)).max(4).optional(),
    sourceHash: z.string().regex(/^[0-9a-f]{12}$/, 'a 12-character hash written by npm run i18n:stamp').optional(),
    ...reviewFields,
  }).strict().superRefine(checkReview);
}

export type EntryData = z.infer<ReturnType<typeof makeEntrySchema>>;
