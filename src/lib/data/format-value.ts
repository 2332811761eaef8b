/** A finding's value as a reader sees it, in the page's language and digits. */
import type { LocaleKit } from '../i18n';

export function formatValue(value: number, unit: string, kit: Pick<LocaleKit, 'n' | 'pct'>): string {
  switch (unit) {
    case 'percent':
      return kit.pct(value);
    case 'usd':
      return `US$${kit.n(value)}`;
    case 'usd-billion':
      return `US$${kit.n(value)} bn`;
    default:
      return kit.n(value);
  }
}
