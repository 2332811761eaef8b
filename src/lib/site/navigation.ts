/** The main navigation: one list for every language; labels come from the UI dictionary. */
export interface NavItem {
  /** Page path inside a language, "" for home. */
  path: string;
  /** UI dictionary key of the label. */
  labelKey: string;
}

export const MAIN_NAV: readonly NavItem[] = [
  { path: 'reports', labelKey: 'nav.reports' },
  { path: 'briefs', labelKey: 'nav.briefs' },
  { path: 'findings', labelKey: 'nav.findings' },
  { path: 'recommendations', labelKey: 'nav.recommendations' },
  { path: 'practices', labelKey: 'nav.practices' },
  { path: 'about', labelKey: 'nav.about' },
];

/** True when `pathname` is the item's page or inside it, for aria-current. */
export function isCurrentSection(item: NavItem, rest: string): boolean {
  if (!item.path) return rest === '';
  return rest === item.path || rest.startsWith(`${item.path}/`);
}
