/**
 * Search records that are not whole pages: each recommendation and each practice, with a deep link
 * to its row, its metadata and its filters, in every language.
 */
import { policyData } from '../data/recommendations';
import { countryName, practiceTopics } from '../data/recommendations';
import { findCountry, findSource, findTheme, label } from '../data/registries';
import { siteConfig } from '../config/site-config';
import { localizedPath, withBase } from '../i18n/paths';
import { createTranslator } from '../i18n/translate';
import { localText } from '../policy/view';
import { LISTED_IN } from './rank';

export interface SearchRecord {
  url: string;
  language: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export function policyRecords(lang: string): SearchRecord[] {
  const config = siteConfig();
  const t = createTranslator(lang, config.dictionaries[lang], config.dictionaries[config.defaultLocale]);
  const { recommendations, practices, actors } = policyData();
  const page = (p: string) => withBase(config.base, localizedPath(lang, p));
  const records: SearchRecord[] = [];
  for (const rec of recommendations) {
    const parts = ['text', 'question', 'finding', 'policy', 'actor'].map((f) => localText(rec, f, lang));
    // Text shown in English on a Khmer page is left out of the Khmer index rather than mixed in.
    const own = parts.filter((p) => p.lang === lang && p.text);
    if (!own.length) continue;
    const source = findSource(rec.source)!;
    records.push({
      url: `${page('recommendations')}#rec-${rec.id}`,
      language: lang,
      content: [...own.map((p) => p.text), ...rec.actors.map((a) => label(actors.find((x) => x.id === a)!, lang))].join('. '),
      meta: { title: own[0].text.length > 110 ? `${own[0].text.slice(0, 107)}…` : own[0].text, type: t('search.type.recommendation'), source: label(source, lang, 'short') },
      filters: {
        type: [t('search.type.recommendation')],
        theme: rec.themes.map((id) => label(findTheme(id)!, lang)),
        country: [label(findCountry(rec.scope)!, lang)],
        [LISTED_IN]: ['recommendations'],
      },
    });
  }
  for (const p of practices) {
    const summary = localText(p, 'summary', lang);
    const countries = p.countries.map((c) => countryName(c, lang).name);
    // Areas and tags by their names in data/practice-topics.csv, in this language, not the annex's varying spellings.
    const topics = practiceTopics(p);
    const topicLabels = [...topics.area, ...topics.tag].map((topic) => label(topic, lang));
    records.push({
      url: `${page('practices')}#practice-${p.id}`,
      language: lang,
      content: [p.title, summary.lang === lang ? summary.text : '', countries.join(', '), p.partners, [...new Set(topicLabels)].join(', ')].filter(Boolean).join('. '),
      meta: { title: p.title || t('practices.untitled'), type: t('search.type.practice'), source: label(findSource(p.source)!, lang, 'short') },
      filters: { type: [t('search.type.practice')], theme: p.themes.map((id) => label(findTheme(id)!, lang)), [LISTED_IN]: ['practices'] },
    });
  }
  return records;
}
