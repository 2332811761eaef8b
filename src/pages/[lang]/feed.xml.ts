/**
 * /{lang}/feed.xml: an RSS 2.0 feed per language of the reports and briefs, newest first (by the date each page
 * was last updated). Pages without their own translation appear with their English text, as on the site.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { entriesFor, langOf } from '../../lib/content/collections';
import { siteConfig } from '../../lib/config/site-config';
import { localeStaticPaths, useLocale } from '../../lib/i18n';
import { localizedPath } from '../../lib/i18n/paths';
import { absoluteUrl } from '../../lib/cite/site';

export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang!;
  const { t, pick } = useLocale(lang);
  const kinds = [
    { kind: 'report', pages: await entriesFor('reports', lang) },
    { kind: 'brief', pages: await entriesFor('briefs', lang) },
  ] as const;
  const items = kinds
    .flatMap(({ kind, pages }) =>
      pages.map((page) => {
        const data = page.entry.data;
        const contentLang = langOf(page.entry);
        return {
          title: data.title,
          link: absoluteUrl(localizedPath(lang, `${kind}s/${page.slug}`)),
          pubDate: data.date,
          description: data.summary,
          categories: [t(`cite.genre.${kind}`)],
          // The item's own language when it differs from the feed's (an English page in the Khmer feed).
          customData: contentLang === lang ? undefined : `<dc:language>${contentLang}</dc:language>`,
        };
      }),
    )
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.title.localeCompare(b.title));
  return rss({
    title: t('feed.title', { site: pick(siteConfig().identity.title) }),
    description: t('feed.description'),
    site: absoluteUrl(localizedPath(lang)),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${lang}</language><atom:link href="${absoluteUrl(`${lang}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    items,
  });
};
