/** What recommendation and practice rows show in one language, with honest fallbacks to English. */
import { charts } from '../charts/registry';
import { datasets } from '../data/findings';
import type { Practice, PracticeTopicKind, Recommendation } from '../data/recommendations';
import { countryName, policyData, practiceTopics } from '../data/recommendations';
import { findCountry, findSource, findTheme, label } from '../data/registries';
import type { ItemFacets } from '../filters/facets';
import { siteHref } from '../i18n';

export interface LocalText {
  text: string;
  /** Language of `text`: the page's, or English when the translation is missing. */
  lang: string;
  /** True when the page's language has no translation and English is shown instead. */
  untranslated: boolean;
}

/** A text column in the page's language, or its English with a flag when untranslated. */
export function localText(row: Record<string, unknown>, field: string, lang: string): LocalText {
  const own = String(row[`${field}_${lang}`] ?? '').trim();
  const en = String(row[`${field}_en`] ?? '').trim();
  if (own) return { text: own, lang, untranslated: false };
  return { text: en, lang: 'en', untranslated: lang !== 'en' && en !== '' };
}

export const RECOMMENDATION_FACETS = ['theme', 'actor', 'country', 'source'] as const;

export function recommendationFacets(rec: Recommendation): ItemFacets {
  return { theme: rec.themes, actor: rec.actors, country: [rec.scope], source: [rec.source] };
}

export const PRACTICE_FACETS = ['country', 'theme', 'area', 'tag'] as const;

/** A practice's facet values; areas and tags are the ids of data/practice-topics.csv, not the printed spellings. */
export function practiceFacets(p: Practice): ItemFacets {
  const topics = practiceTopics(p);
  return {
    country: p.countries,
    theme: p.themes,
    area: topics.area.map((t) => t.id),
    tag: topics.tag.map((t) => t.id),
  };
}

export interface EvidenceLink {
  label: string;
  /** Path inside a language ("findings/x") or a site path ("/data/findings/x.csv"). */
  path: string;
  localized: boolean;
}

/**
 * Where a reader can see each supporting finding: the charts that draw it, else its dataset's CSV.
 * `dataLabel` words a link to a CSV ("{{measure}} (data table)"); internal ids stay out of reading text.
 */
export function evidenceLinks(rec: Recommendation, lang: string, dataLabel: (measure: string) => string = (m) => m): EvidenceLink[] {
  const links = new Map<string, EvidenceLink>();
  for (const findingId of rec.supports) {
    const drawnIn = charts().filter((c) => c.rows.some((r) => r.id === findingId));
    for (const chart of drawnIn) {
      const def = chart.def as unknown as Record<string, string>;
      links.set(`chart:${chart.def.id}`, { label: def[`title_${lang}`] || chart.def.title_en, path: `findings/${chart.def.id}`, localized: true });
    }
    if (!drawnIn.length) {
      const dataset = datasets().find((d) => d.rows.some((r) => r.id === findingId))!;
      const row = dataset.rows.find((r) => r.id === findingId)!;
      const measure = (row as unknown as Record<string, string>)[`measure_${lang}`] || row.measure_en;
      links.set(`row:${findingId}`, { label: dataLabel(measure), path: siteHref(`data/findings/${dataset.id}.csv`), localized: false });
    }
  }
  return [...links.values()];
}

export interface FacetOption {
  value: string;
  label: string;
  lang?: string;
  count: number;
}
export interface FacetGroup {
  name: string;
  legend: string;
  options: FacetOption[];
  /** Some item has several values here, so "all of these" can mean something other than "any". */
  multi: boolean;
}

/** Marks the groups in which some item has more than one value. */
function withMulti(groups: Omit<FacetGroup, 'multi'>[], facetsOf: ItemFacets[]): FacetGroup[] {
  return groups.map((g) => ({ ...g, multi: facetsOf.some((f) => new Set(f[g.name] ?? []).size > 1) }));
}

/** Options of each recommendation facet, labelled in the page's language, with counts. */
export function recommendationFacetGroups(lang: string, t: (key: string) => string): FacetGroup[] {
  const { recommendations, actors } = policyData();
  const count = (facet: string, value: string) => recommendations.filter((r) => recommendationFacets(r)[facet].includes(value)).length;
  const used = (facet: string) => [...new Set(recommendations.flatMap((r) => recommendationFacets(r)[facet]))];
  const byLabel = (a: FacetOption, b: FacetOption) => b.count - a.count || a.label.localeCompare(b.label, lang);
  return withMulti([
    { name: 'theme', legend: t('recs.filter.theme'), options: used('theme').map((v) => ({ value: v, label: label(findTheme(v)!, lang), count: count('theme', v) })).sort(byLabel) },
    {
      name: 'actor',
      legend: t('recs.filter.actor'),
      options: used('actor')
        .map((v) => {
          const actor = actors.find((a) => a.id === v)!;
          return { value: v, label: label(actor, lang), lang: actor[`label_${lang}` as 'label_en'] ? undefined : 'en', count: count('actor', v) };
        })
        .sort(byLabel),
    },
    { name: 'country', legend: t('recs.filter.country'), options: used('country').map((v) => ({ value: v, label: label(findCountry(v)!, lang), count: count('country', v) })).sort(byLabel) },
    { name: 'source', legend: t('recs.filter.source'), options: used('source').map((v) => ({ value: v, label: label(findSource(v)!, lang, 'short'), count: count('source', v) })).sort(byLabel) },
  ], recommendations.map(recommendationFacets));
}

/** Options of each practice facet, labelled in the page's language; areas and tags are the registry's concepts. */
export function practiceFacetGroups(lang: string, t: (key: string) => string): FacetGroup[] {
  const { practices, practiceTopics: topics } = policyData();
  const count = (facet: string, value: string) => practices.filter((p) => practiceFacets(p)[facet].includes(value)).length;
  const byCount = (a: FacetOption, b: FacetOption) => b.count - a.count || a.label.localeCompare(b.label, lang);
  const concepts = (kind: PracticeTopicKind) =>
    topics
      .filter((topic) => topic.kind === kind)
      .map((topic) => ({ value: topic.id, label: label(topic, lang), count: count(kind, topic.id) }))
      .filter((o) => o.count > 0)
      .sort(byCount);
  const countries = [...new Set(practices.flatMap((p) => p.countries))];
  const themes = [...new Set(practices.flatMap((p) => p.themes))];
  return withMulti([
    {
      name: 'country',
      legend: t('practices.filter.country'),
      options: countries.map((c) => ({ value: c, label: countryName(c, lang).name, lang: countryName(c, lang).lang, count: count('country', c) })).sort(byCount),
    },
    { name: 'theme', legend: t('practices.filter.theme'), options: themes.map((v) => ({ value: v, label: label(findTheme(v)!, lang), count: count('theme', v) })).sort(byCount) },
    { name: 'area', legend: t('practices.filter.area'), options: concepts('area') },
    { name: 'tag', legend: t('practices.filter.tag'), options: concepts('tag') },
  ], practices.map(practiceFacets));
}
