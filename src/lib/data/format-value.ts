/**
 * A finding's value as a reader sees it, in the page's language and digits. Money follows one rule per language
 * (data/README.md, "Money in Khmer text"): "US$1,762" and "US$414 bn" in English, "USD 1,762" and
 * "USD 414 ពាន់លាន" in Khmer, the same form the Khmer prose uses, so a chart and its paragraph agree.
 */
import type { LocaleKit } from '../i18n';

export function formatValue(value: number, unit: string, kit: Pick<LocaleKit, 'n' | 'pct' | 't'>): string {
  switch (unit) {
    case 'percent':
      return kit.pct(value);
    case 'usd':
      return kit.t('value.usd', { n: kit.n(value) });
    case 'usd-billion':
      return kit.t('value.usdBillion', { n: kit.n(value) });
    case 'eur':
      return `EUR ${kit.n(value)}`;
    case 'times':
      return `${kit.n(value)}×`;
    case 'year':
      // A calendar year: 2006, never "2,006".
      return kit.n(value, { useGrouping: false });
    case 'years':
    case 'months':
    case 'days':
      // Intl words the unit in the page's language ("24 months", "24 ខែ").
      return kit.n(value, { style: 'unit', unit: unit.slice(0, -1), unitDisplay: 'long' });
    default:
      return kit.n(value);
  }
}
