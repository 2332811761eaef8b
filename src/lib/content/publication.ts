/**
 * What a source document says about when and by whom it was issued, as UI text: "Published by IOM, 2019" and
 * "Reporting period October 1, 2017 – March 31, 2019". Kept apart from the page's own date (frontmatter `date`),
 * which is when this site wrote its page.
 */
import type { Source } from '../data/registries';
import { formatPartialDate, formatPeriod } from '../i18n/format';
import type { Translate } from '../i18n/translate';

export interface Publication {
  /** "Published by IOM, 2019", or what the document gives instead. */
  published: string;
  /** "Reporting period …" with full days, when the document states one. */
  period?: string;
  /** The period in years only ("Reporting period 2021"), for cards. */
  periodYears?: string;
  /** Whether the document gives a date of issue the site shows. */
  dated: boolean;
}

export function describePublication(source: Source, lang: string, t: Translate, numberingSystem?: string): Publication {
  const publisher = (lang === 'en' ? source.publisher_en : (source as Record<string, string>)[`publisher_${lang}`]) || source.publisher_en;
  const date = source.published ? formatPartialDate(source.published, lang, { numberingSystem }) : '';
  const published = publisher
    ? date
      ? t('meta.publishedBy', { publisher, date })
      : t(source.period ? 'meta.publishedByNoDate' : 'meta.publishedByUndated', { publisher })
    : date
      ? t('meta.publishedOn', { date })
      : t('meta.publishedUnknown');
  if (!source.period) return { published, dated: Boolean(date) };
  const [start, end] = source.period.split('/');
  const year = (day: string) => formatPartialDate(day.slice(0, 4), lang, { numberingSystem });
  const years = year(start) === year(end) ? year(start) : `${year(start)}–${year(end)}`;
  return {
    published,
    period: t('meta.period', { period: formatPeriod(source.period, lang, { numberingSystem }) }),
    periodYears: t('meta.period', { period: years }),
    dated: Boolean(date),
  };
}
