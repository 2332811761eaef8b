/**
 * Search records that are not whole pages: each recommendation and each practice, with a deep link
 * to its row, its metadata and its filters, in every language. Each is indexed as a small HTML page
 * (recordHtml) so that its title is weighted as a title, as a page's h1 is (see index-copy.ts).
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
  /** What the record is: a recommendation's text, a practice's name. */
  title: string;
  /** The rest of its text, in order. */
  body: string[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A record as the HTML page Pagefind indexes: its title as h1, its text, and its meta and filters as attributes. */
export function recordHtml(record: SearchRecord): string {
  const tags = [
    ...Object.entries(record.meta).map(([k, v]) => `<span data-pagefind-meta="${escapeHtml(`${k}:${v}`)}"></span>`),
    ...Object.entries(record.filters).flatMap(([k, vs]) => vs.map((v) => `<span data-pagefind-filter="${escapeHtml(`${k}:${v}`)}"></span>`)),
  ];
  const body = record.body.filter(Boolean).map((text) => `<p>${escapeHtml(text)}</p>`);
  return `<!doctype html><html lang="${record.language}"><head><title>${escapeHtml(record.meta.title ?? record.title)}</title></head><body><main data-pagefind-body><h1>${escapeHtml(record.title)}</h1>${body.join('')}<div hidden>${tags.join('')}</div></main></body></html>`;
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
      title: own[0].text,
      body: [...own.slice(1).map((p) => p.text), rec.actors.map((a) => label(actors.find((x) => x.id === a)!, lang)).join(', ')],
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
      title: p.title,
      body: [summary.lang === lang ? summary.text : '', countries.join(', '), p.partners, [...new Set(topicLabels)].join(', ')],
      meta: { title: p.title || t('practices.untitled'), type: t('search.type.practice'), source: label(findSource(p.source)!, lang, 'short') },
      filters: { type: [t('search.type.practice')], theme: p.themes.map((id) => label(findTheme(id)!, lang)), [LISTED_IN]: ['practices'] },
    });
  }
  return records;
}
