/**
 * Policy recommendations (data/recommendations.csv), practices (data/practices.csv), who should act
 * (data/actors.csv) and the practices' areas and tags (data/practice-topics.csv). Every theme, actor, country,
 * source, supporting finding and printed area or tag is checked against its registry; problems name the
 * file, the row and the value.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { siteConfig } from '../config/site-config';
import { DataError, loadCsv, parseCsvText } from './csv';
import { kebabId, semicolonList } from './fields';
import { datasets } from './findings';
import { normalizeList } from '../filters/facets';
import { registries } from './registries';

const id = kebabId;
const list = semicolonList;
const text = z.string().default('');

export const RECOMMENDATION_KINDS = ['recommendation', 'possible-measure', 'next-step', 'planned-action'] as const;

export const ActorSchema = z.object({ id, label_en: z.string().min(1), label_km: text });
export type Actor = z.infer<typeof ActorSchema>;

export const RecommendationSchema = z.object({
  id,
  /** recommendation, possible-measure, next-step, or planned-action (a project's own plan, not advice). */
  kind: z.enum(RECOMMENDATION_KINDS, { error: `one of ${RECOMMENDATION_KINDS.join(', ')}` }),
  themes: list.refine((v) => v.length > 0, 'at least one theme id, separated by ";"'),
  actors: list.refine((v) => v.length > 0, 'at least one actor id, separated by ";"'),
  actor_en: text,
  actor_km: text,
  scope: z.string().min(1, 'a country id'),
  question_en: text,
  question_km: text,
  finding_en: text,
  finding_km: text,
  policy_en: text,
  policy_km: text,
  text_en: z.string().min(1, 'the recommendation in English'),
  text_km: text,
  source: z.string().min(1),
  section: z.string().min(1, 'the section of the source document'),
  locator: z.string().min(1, 'a short locator a reader can find'),
  /** Ids of findings rows (data/findings/*.csv) that support it. */
  supports: list,
  note_en: text,
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const PracticeSchema = z.object({
  id,
  title: text,
  country: text,
  countries: list,
  partners: text,
  thematic_areas: text,
  themes: list,
  tags: list,
  links: list,
  summary_en: text,
  summary_km: text,
  source: z.string().min(1),
  locator: z.string().min(1, 'a short locator a reader can find'),
});
export type Practice = z.infer<typeof PracticeSchema>;

export const PRACTICE_TOPIC_KINDS = ['area', 'tag'] as const;
export type PracticeTopicKind = (typeof PRACTICE_TOPIC_KINDS)[number];

/**
 * One concept behind the areas or tags the annex prints (data/practice-topics.csv): the source spells many
 * of them several ways ("Diaspora", "Diasporas"); the site filters and labels by the concept.
 */
export const PracticeTopicSchema = z.object({
  /** area: printed in practices.csv's thematic_areas (split on ";" and ","); tag: printed in its tags (split on ";"). */
  kind: z.enum(PRACTICE_TOPIC_KINDS, { error: `one of ${PRACTICE_TOPIC_KINDS.join(', ')}` }),
  /** Unique within its kind; the value of the practice filters and of ?area= / ?tag= in links. */
  id,
  label_en: z.string().min(1, 'the label in English'),
  label_km: z.string().min(1, 'the label in Khmer'),
  /** Every spelling practices.csv prints for it, exactly (after trimming), separated by " | ". */
  printed: z
    .string()
    .min(1, 'at least one spelling as printed in data/practices.csv, separated by " | "')
    .transform((v) =>
      v
        .split('|')
        .map((s) => s.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  /** Why spellings were merged or kept apart (English, for editors). */
  note: text,
});
export type PracticeTopic = z.infer<typeof PracticeTopicSchema>;

/** The areas a practice prints, in order: its thematic_areas cell split on ";" and ",". */
export function printedAreas(p: Pick<Practice, 'thematic_areas'>): string[] {
  return normalizeList(p.thematic_areas);
}
/** The tags a practice prints, in order, with runs of spaces made one. */
export function printedTags(p: Pick<Practice, 'tags'>): string[] {
  return p.tags.map((t) => t.replace(/\s+/g, ' '));
}

/** A practice's areas and tags as registry entries, in printed order, each concept once. */
export type PracticeTopicsOf = Record<PracticeTopicKind, PracticeTopic[]>;

/**
 * Maps every printed area and tag of every practice to its one entry in the topic registry. Reports, with
 * file, row and column: a printed value no entry lists (add it to the registry), a spelling listed by two
 * entries of one kind, and an id used twice within a kind.
 */
export function matchPracticeTopics(
  practices: readonly Practice[],
  topics: readonly PracticeTopic[],
  files: { practices: string; topics: string },
): { byPractice: Map<string, PracticeTopicsOf>; problems: string[] } {
  const problems: string[] = [];
  const bySpelling = { area: new Map<string, { topic: PracticeTopic; row: number }>(), tag: new Map<string, { topic: PracticeTopic; row: number }>() };
  const ids = { area: new Map<string, number>(), tag: new Map<string, number>() };
  topics.forEach((topic, i) => {
    const row = i + 2;
    const earlierId = ids[topic.kind].get(topic.id);
    if (earlierId) problems.push(`${files.topics} row ${row}, column "id": "${topic.id}" is already used for a${topic.kind === 'area' ? 'n' : ''} ${topic.kind} on row ${earlierId}. Ids must be unique within a kind.`);
    ids[topic.kind].set(topic.id, row);
    for (const spelling of topic.printed) {
      const earlier = bySpelling[topic.kind].get(spelling);
      if (earlier) {
        problems.push(`${files.topics} row ${row}, column "printed": "${spelling}" is also listed on row ${earlier.row} (${earlier.topic.id}). A printed ${topic.kind} must map to exactly one entry; keep it on one row.`);
      } else bySpelling[topic.kind].set(spelling, { topic, row });
    }
  });
  const columns: Record<PracticeTopicKind, [string, (p: Practice) => string[]]> = { area: ['thematic_areas', printedAreas], tag: ['tags', printedTags] };
  const byPractice = new Map<string, PracticeTopicsOf>();
  practices.forEach((p, i) => {
    const found: PracticeTopicsOf = { area: [], tag: [] };
    for (const kind of PRACTICE_TOPIC_KINDS) {
      const [column, printed] = columns[kind];
      for (const value of printed(p)) {
        const match = bySpelling[kind].get(value);
        if (!match) {
          problems.push(
            `${files.practices} row ${i + 2}, column "${column}": found "${value}", which is not a printed spelling of any ${kind} in ${files.topics}. ` +
              `Add it to the "printed" column of the ${kind} it means there (spellings are separated by " | "), or add a row with kind "${kind}" for a new one.`,
          );
        } else if (!found[kind].includes(match.topic)) found[kind].push(match.topic);
      }
    }
    byPractice.set(p.id, found);
  });
  return { byPractice, problems };
}

/** Columns data/recommendations.csv must have; a missing one is named with row 1. */
const RECOMMENDATION_COLUMNS = ['id', 'kind', 'themes', 'actors', 'scope', 'text_en', 'source', 'section', 'locator'];

/**
 * Reads data/recommendations.csv. When rows break the schema (a missing locator, an unknown kind…), the
 * problems are returned instead of thrown, with the rows as written (lists split on ";"), so that the
 * registry checks (unknown theme, actor, country…) still run and one `npm run check` names every problem.
 */
export function loadRecommendations(absFile: string): { recommendations: Recommendation[]; rows: Record<string, unknown>[]; problems: string[] } {
  try {
    const recommendations = loadCsv(absFile, RecommendationSchema, RECOMMENDATION_COLUMNS);
    return { recommendations, rows: recommendations, problems: [] };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    let rows: Record<string, unknown>[] = [];
    try {
      const shown = path.relative(process.cwd(), absFile) || absFile;
      const parsed = parseCsvText(readFileSync(absFile, 'utf8'), shown);
      // Without all the columns there is nothing sound to cross-check; the missing column is the problem.
      if (RECOMMENDATION_COLUMNS.some((c) => !parsed.header.includes(c))) return { recommendations: [], rows: [], problems: error.problems };
      rows = parsed.rows.map((r) => ({
        ...r,
        themes: list.parse(r.themes ?? ''),
        actors: list.parse(r.actors ?? ''),
        supports: list.parse(r.supports ?? ''),
      }));
    } catch {
      // The file is unreadable or has ragged rows; those problems are already in the error.
    }
    return { recommendations: [], rows, problems: error.problems };
  }
}

function dataFile(name: string): string {
  return path.resolve(process.cwd(), siteConfig().dataRoot, name);
}

interface CrossCheck {
  column: string;
  values: (row: Record<string, unknown>) => string[];
  allowed: Set<string>;
  registry: string;
}

/** Reports every value of a row that is not in its registry, and duplicate ids. */
export function crossCheck(rows: readonly Record<string, unknown>[], file: string, checks: CrossCheck[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const rowNumber = i + 2;
    const rowId = String(row.id);
    const earlier = seen.get(rowId);
    if (earlier) problems.push(`${file} row ${rowNumber}, column "id": "${rowId}" is already used on row ${earlier}. Ids must be unique.`);
    seen.set(rowId, rowNumber);
    for (const check of checks) {
      for (const value of check.values(row)) {
        if (!check.allowed.has(value)) {
          problems.push(`${file} row ${rowNumber}, column "${check.column}": found "${value}", which is not in ${check.registry}. Fix the value or add it there.`);
        }
      }
    }
  });
  return problems;
}

export interface PolicyData {
  actors: Actor[];
  recommendations: Recommendation[];
  practices: Practice[];
  /** data/practice-topics.csv: the concepts behind the printed areas and tags. */
  practiceTopics: PracticeTopic[];
  /** Practice id -> its areas and tags as registry entries. */
  practiceTopicsById: Map<string, PracticeTopicsOf>;
}

let cached: PolicyData | undefined;

export function policyData(): PolicyData {
  if (cached) return cached;
  const reg = registries();
  const actors = loadCsv(dataFile('actors.csv'), ActorSchema, ['id', 'label_en', 'label_km']);
  const recs = loadRecommendations(dataFile('recommendations.csv'));
  const recommendations = recs.recommendations;
  const practices = loadCsv(dataFile('practices.csv'), PracticeSchema, ['id', 'title', 'countries', 'themes', 'tags', 'source']);
  const practiceTopics = loadCsv(dataFile('practice-topics.csv'), PracticeTopicSchema, ['kind', 'id', 'label_en', 'label_km', 'printed']);
  const topicMatch = matchPracticeTopics(practices, practiceTopics, {
    practices: path.join(siteConfig().dataRoot, 'practices.csv'),
    topics: path.join(siteConfig().dataRoot, 'practice-topics.csv'),
  });
  const themeIds = new Set(reg.themes.map((t) => t.id));
  const sourceIds = new Set(reg.sources.map((s) => s.id));
  const findingIds = new Set(datasets().flatMap((d) => d.rows.map((r) => r.id)));
  const problems = [
    ...recs.problems,
    ...crossCheck(recs.rows, path.join(siteConfig().dataRoot, 'recommendations.csv'), [
      { column: 'themes', values: (r) => r.themes as string[], allowed: themeIds, registry: 'data/themes.csv' },
      { column: 'actors', values: (r) => r.actors as string[], allowed: new Set(actors.map((a) => a.id)), registry: 'data/actors.csv' },
      // Empty scope and source are schema problems, reported once above.
      { column: 'scope', values: (r) => [r.scope as string].filter(Boolean), allowed: new Set(reg.countries.map((c) => c.id)), registry: 'data/countries.csv' },
      { column: 'source', values: (r) => [r.source as string].filter(Boolean), allowed: sourceIds, registry: 'data/sources.csv' },
      { column: 'supports', values: (r) => r.supports as string[], allowed: findingIds, registry: 'the ids of data/findings/*.csv' },
    ]),
    ...crossCheck(practices, path.join(siteConfig().dataRoot, 'practices.csv'), [
      { column: 'themes', values: (r) => r.themes as string[], allowed: themeIds, registry: 'data/themes.csv' },
      { column: 'source', values: (r) => [r.source as string], allowed: sourceIds, registry: 'data/sources.csv' },
    ]),
    ...topicMatch.problems,
  ];
  if (problems.length) throw new DataError(`Recommendations and practices have ${problems.length} problem(s):\n${problems.join('\n')}`, problems);
  cached = { actors, recommendations, practices, practiceTopics, practiceTopicsById: topicMatch.byPractice };
  return cached;
}

/** A practice's areas and tags as registry entries (see matchPracticeTopics). */
export function practiceTopics(p: Pick<Practice, 'id'>): PracticeTopicsOf {
  const found = policyData().practiceTopicsById.get(p.id);
  if (!found) throw new Error(`practice "${p.id}" is not in data/practices.csv`);
  return found;
}

export const CountryCodeSchema = z.object({
  id,
  /** ISO 3166 region code; names in every language then come from Intl.DisplayNames. */
  iso: z.string().regex(/^([A-Z]{2})?$/, 'a two-letter ISO 3166 code, or empty'),
  label_en: text,
  label_km: text,
});

let countryCodes: z.infer<typeof CountryCodeSchema>[] | undefined;

/** A practice country's name in a language: Intl.DisplayNames for ISO regions, else the label columns. */
export function countryName(countryId: string, lang: string): { name: string; lang?: string } {
  countryCodes ??= loadCsv(dataFile('country-codes.csv'), CountryCodeSchema, ['id', 'iso']);
  const row = countryCodes.find((c) => c.id === countryId);
  if (!row) throw new DataError(`data/practices.csv: country "${countryId}" is not in data/country-codes.csv. Add it there with its ISO code.`);
  if (row.iso) return { name: new Intl.DisplayNames([lang, 'en'], { type: 'region' }).of(row.iso) ?? row.iso };
  const own = (row as Record<string, string>)[`label_${lang}`];
  return own ? { name: own } : { name: row.label_en, lang: 'en' };
}
