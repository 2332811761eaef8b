/**
 * The small registries every other file refers to: themes, countries and source documents.
 * Loaded once per build and shared.
 */
import path from 'node:path';
import { z } from 'zod';
import { siteConfig } from '../config/site-config';
import { DataError, loadCsv } from './csv';
import { kebabId } from './fields';

const id = kebabId;
const text = z.string().min(1, 'a non-empty text');
const isoPartialDate = z.string().regex(/^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$/, 'a year (2019), a year and month (2019-06) or a day (2019-06-11), or empty');
const isoPeriod = z.string().regex(/^(\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2})?$/, 'two days as start/end (2021-01-01/2021-12-31), or empty');

export const ThemeSchema = z.object({ id, label_en: text, label_km: text, description_en: z.string().default('') });
export type Theme = z.infer<typeof ThemeSchema>;

export const CountrySchema = z.object({ id, label_en: text, label_km: text });
export type Country = z.infer<typeof CountrySchema>;

export const SourceSchema = z.object({
  id,
  /** Short name used in citations. */
  short_en: text,
  short_km: text,
  /** Original title and organisation, as printed. */
  title: text,
  organisation: text,
  /** What the document says about its own date, in words (English; shown in citations of the document). */
  dated: text,
  /**
   * The document's own date of issue as it prints it: a year (2019), a year and month (2019-06) or a day
   * (2019-06-11), never more precise than the document. Empty when the document gives none the site can use;
   * data/README.md says why for each document.
   */
  published: isoPartialDate.default(''),
  /** The reporting period the document states, as ISO start/end days (2021-01-01/2021-12-31); empty when it gives none. */
  period: isoPeriod.default(''),
  /** Short name(s) of the organisation(s) that issued it ("IOM"), per language; empty when the document names none. */
  publisher_en: z.string().default(''),
  publisher_km: z.string().default(''),
  /**
   * Where a reader can obtain the original, in words per language: who issued it and what address, if any,
   * the document itself gives ("…; the document gives no web address"). Ends with ":" when obtain_url follows.
   * Required in data/sources.csv (registries() says which row lacks it).
   */
  obtain_en: z.string().default(''),
  obtain_km: z.string().default(''),
  /**
   * A web address the document itself prints for its publisher or the document, exactly as printed
   * (https://… or www.…); empty when it prints none. Never looked up elsewhere.
   */
  obtain_url: z
    .string()
    .regex(/^((https?:\/\/|www\.)[^\s"<>]+)?$/, 'an address exactly as the document prints it (https://… or www.…), or empty')
    .default(''),
  /** The text extraction the site was written from. */
  seed_file: text,
  /** Slugs of this site's report and brief on the document (checked against content at build). */
  report: id,
  brief: id,
});
export type Source = z.infer<typeof SourceSchema>;

export interface Registries {
  themes: Theme[];
  countries: Country[];
  sources: Source[];
}

function dataFile(name: string): string {
  return path.resolve(process.cwd(), siteConfig().dataRoot, name);
}

let cached: Registries | undefined;
export function registries(): Registries {
  if (cached) return cached;
  // Load all three before failing, so one run reports every problem.
  const problems: string[] = [];
  const attempt = <T,>(load: () => T[]): T[] => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.problems);
      return [];
    }
  };
  const loaded = {
    themes: attempt(() => loadCsv(dataFile('themes.csv'), ThemeSchema, ['id', 'label_en', 'label_km'])),
    countries: attempt(() => loadCsv(dataFile('countries.csv'), CountrySchema, ['id', 'label_en', 'label_km'])),
    sources: attempt(() => loadCsv(dataFile('sources.csv'), SourceSchema, ['id', 'short_en', 'title', 'organisation'])),
  };
  loaded.sources.forEach((row, i) => {
    if (!row.obtain_en) problems.push(`data/sources.csv row ${i + 2}, column "obtain_en": empty. Say where the original can be obtained, or that the document gives no address (see data/README.md).`);
  });
  for (const [name, rows] of Object.entries(loaded)) {
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      if (seen.has(row.id)) problems.push(`data/${name}.csv row ${i + 2}, column "id": "${row.id}" is already used on row ${seen.get(row.id)}. Ids must be unique.`);
      seen.set(row.id, i + 2);
    });
  }
  if (problems.length) throw new DataError(problems.join('\n'), problems);
  cached = loaded;
  return cached;
}

/** A record's label in a language: label_{lang}, else label_en. */
export function label(record: Record<string, unknown>, lang: string, field = 'label'): string {
  return String(record[`${field}_${lang}`] ?? record[`${field}_en`] ?? '');
}

export function findTheme(themeId: string): Theme | undefined {
  return registries().themes.find((t) => t.id === themeId);
}
export function findCountry(countryId: string): Country | undefined {
  return registries().countries.find((c) => c.id === countryId);
}
export function findSource(sourceId: string): Source | undefined {
  return registries().sources.find((s) => s.id === sourceId);
}

/** A link for obtain_url: an address printed without a scheme ("www.iom.int/…") gets https://. */
export function obtainHref(source: Pick<Source, 'obtain_url'>): string | undefined {
  if (!source.obtain_url) return undefined;
  return /^https?:\/\//.test(source.obtain_url) ? source.obtain_url : `https://${source.obtain_url}`;
}
