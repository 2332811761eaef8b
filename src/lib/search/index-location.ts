/** Where a page's scripts find the search index, as data-* attributes (read back by client.ts). */
import { siteConfig } from '../config/site-config';
import { getLocaleConfig } from '../i18n';
import { withBase } from '../i18n/paths';

export function searchIndexAttributes(lang: string): Record<string, string | undefined> {
  const bundle = withBase(siteConfig().base, 'pagefind/');
  const { segmentWords, exactMarks } = getLocaleConfig(lang);
  return {
    'data-bundle': bundle,
    'data-vocabulary': segmentWords ? `${bundle}vocabulary-${lang}.json` : undefined,
    'data-exact-marks': exactMarks ? '' : undefined,
  };
}
