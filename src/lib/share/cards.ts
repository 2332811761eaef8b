/**
 * Every share card of the site, in every language: the site card (home and every page without its own),
 * each report and brief (title and headline finding: the first key message, else the summary), each chart
 * (title and the chart itself) and each theme's recommendations. The og/ endpoint renders them and the
 * <head> of each page points at its own (paths.ts), so both read this one list.
 */
import type { CollectionEntry } from 'astro:content';
import { localizedEntries, langOf } from '../content/collections';
import { keyMessageText } from '../content/schema';
import { charts } from '../charts/registry';
import { chartView } from '../charts/view';
import { chartFontSize } from '../charts/layouts';
import { policyData } from '../data/recommendations';
import { filterItems } from '../filters/facets';
import { recommendationFacets } from '../policy/view';
import { findCountry, findTheme, label } from '../data/registries';
import { siteConfig } from '../config/site-config';
import { defaultLocale, localeCodes, useLocale } from '../i18n';
import { cardAlt, type CardSpec } from './card';
import { cardKey } from './paths';

export interface ShareCard {
  /** "en/reports/miccaf": the PNG is og/<key>.png. */
  key: string;
  spec: CardSpec;
  alt: string;
}

let all: Promise<Map<string, ShareCard>> | undefined;

export function shareCards(): Promise<Map<string, ShareCard>> {
  return (all ??= collect());
}

/** The card of the page at this URL path (its own, or its language's site card). */
export async function cardForPage(pathname: string): Promise<ShareCard> {
  const config = siteConfig();
  const cards = await shareCards();
  const key = cardKey(pathname, localeCodes(), defaultLocale(), config.base);
  const card = cards.get(key) ?? cards.get(`${key.split('/')[0]}/site`);
  if (!card) throw new Error(`No share card for ${pathname} (looked for og/${key}.png).`);
  return card;
}

async function collect(): Promise<Map<string, ShareCard>> {
  const config = siteConfig();
  const cards = new Map<string, ShareCard>();
  const add = (key: string, spec: CardSpec) => cards.set(key, { key, spec, alt: cardAlt(spec) });

  for (const lang of localeCodes()) {
    const kit = useLocale(lang);
    const siteTitle = kit.pick(config.identity.title);
    add(`${lang}/site`, {
      kind: 'site',
      lang,
      contentLang: lang,
      kicker: kit.pick(config.identity.organisation),
      title: siteTitle,
      text: kit.t('site.tagline'),
      footer: new URL(config.url).host + config.base.replace(/\/$/, ''),
    });

    for (const chart of charts()) {
      // The view the chart's own page draws (same id prefix), laid out once for both.
      const view = chartView(chart, kit);
      const def = chart.def as unknown as Record<string, string>;
      add(`${lang}/findings/${chart.def.id}`, {
        kind: 'chart',
        lang,
        contentLang: lang,
        kicker: [kit.t('search.type.chart'), ...chart.def.themes.slice(0, 1).map((id) => label(findTheme(id)!, lang))].join(' · '),
        title: def[`title_${lang}`] || chart.def.title_en,
        charts: view.isMatrix ? [{ svg: view.thumbnail, fontSize: 1 }] : view.layouts.map((l) => ({ svg: l.svg, fontSize: chartFontSize(lang) })),
        footer: siteTitle,
      });
    }

    const { recommendations } = policyData();
    for (const theme of [...new Set(recommendations.flatMap((r) => r.themes))]) {
      const rows = filterItems(recommendations, recommendationFacets, { theme: [theme] });
      const first = rows[0] as { text_en: string; text_km?: string } | undefined;
      add(`${lang}/recommendations/theme/${theme}`, {
        kind: 'theme',
        lang,
        contentLang: lang,
        kicker: kit.t('nav.recommendations'),
        title: kit.t('recs.themePage.title', { theme: label(findTheme(theme)!, lang) }),
        text: first ? (lang === 'km' && first.text_km) || first.text_en : undefined,
        footer: siteTitle,
      });
    }
  }

  for (const kind of ['reports', 'briefs'] as const) {
    for (const page of await localizedEntries(kind)) {
      const data = (page.entry as CollectionEntry<'reports'> | CollectionEntry<'briefs'>).data;
      const kit = useLocale(page.lang);
      const country = findCountry(data.country);
      const headline = data.keyMessages?.length ? keyMessageText(data.keyMessages[0]) : data.summary;
      add(`${page.lang}/${kind}/${page.slug}`, {
        kind: kind === 'reports' ? 'report' : 'brief',
        lang: page.lang,
        contentLang: langOf(page.entry),
        kicker: [kit.t(`search.type.${kind === 'reports' ? 'report' : 'brief'}`), country ? label(country, page.lang) : ''].filter(Boolean).join(' · '),
        title: data.title,
        text: headline?.trim() ? headline : undefined,
        footer: kit.pick(config.identity.title),
      });
    }
  }
  return cards;
}
