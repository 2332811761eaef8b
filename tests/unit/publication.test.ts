import { describe, expect, it } from 'vitest';
import { describePublication } from '../../src/lib/content/publication';
import { SourceSchema, findSource } from '../../src/lib/data/registries';
import { siteConfig } from '../../src/lib/config/site-config';
import { createTranslator } from '../../src/lib/i18n/translate';
import { formatPartialDate, formatPeriod } from '../../src/lib/i18n/format';

const dictionaries = siteConfig().dictionaries;
const t = (lang: string) => createTranslator(lang, dictionaries[lang], dictionaries.en);
const source = (fields: Record<string, string>) =>
  SourceSchema.parse({ id: 'doc', short_en: 'Doc', short_km: 'Doc', title: 'A document', organisation: 'An organisation', dated: 'x', seed_file: 'x.txt', report: 'doc', brief: 'doc', ...fields });

describe('formatPartialDate', () => {
  it('is never more precise than the date it is given', () => {
    expect(formatPartialDate('2019', 'en')).toBe('2019');
    expect(formatPartialDate('2019-06', 'en')).toBe('June 2019');
    expect(formatPartialDate('2019-06-11', 'en')).toBe('June 11, 2019');
    expect(formatPartialDate('2019-06', 'km')).toContain('មិថុនា');
  });
  it('writes a reporting period as a range in the language', () => {
    // Intl puts thin spaces around the dash.
    expect(formatPeriod('2021-01-01/2021-12-31', 'en').replace(/\s/g, ' ')).toBe('January 1 – December 31, 2021');
    expect(formatPeriod('2021-01-01/2021-12-31', 'km')).toContain('ធ្នូ');
  });
});

describe('describePublication', () => {
  it('names the publisher and the date the document gives (MICCAF: only the year)', () => {
    const p = describePublication(findSource('miccaf')!, 'en', t('en'));
    expect(p.published).toBe('Published by IOM, 2019');
    expect(p.period?.replace(/\s/g, ' ')).toBe('Reporting period October 1, 2017 – March 31, 2019');
  });
  it('shows the reporting period when the document gives no usable date (Khatlon)', () => {
    const p = describePublication(findSource('khatlon')!, 'en', t('en'));
    expect(p).toMatchObject({ published: 'Published by IOM, FAO, UNICEF and UN Women', periodYears: 'Reporting period 2021', dated: false });
  });
  it('says so when a document is not dated, or names no publisher', () => {
    expect(describePublication(findSource('unicef')!, 'en', t('en')).published).toBe('Published by UNICEF, not dated');
    expect(describePublication(findSource('family-package')!, 'en', t('en')).published).toBe('Publisher and date not given in the document');
  });
  it('uses the Khmer publisher name and Khmer month names on Khmer pages', () => {
    const p = describePublication(source({ published: '2019-06', publisher_en: 'IOM', publisher_km: 'អង្គការ IOM' }), 'km', t('km'));
    expect(p.published).toContain('អង្គការ IOM');
    expect(p.published).toContain('មិថុនា 2019');
  });
  it('rejects a date more precise or less regular than ISO', () => {
    expect(() => source({ published: '11/06/2019' })).toThrow();
    expect(() => source({ period: '2021' })).toThrow();
  });
});
