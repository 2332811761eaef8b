/** Page types for budgets and quality reports, from a URL path. */
export type PageType = 'chooser' | 'home' | 'report' | 'brief' | 'slides' | 'findings' | 'embed' | 'recommendations' | 'recommendations-filter' | 'search' | 'page' | 'other';

export function pageType(urlPath: string): PageType {
  const p = urlPath.replace(/index\.html$/, '');
  if (p === '/') return 'chooser';
  const [, , section = '', rest = '', extra = ''] = p.split('/');
  if (!section) return 'home';
  if (section === 'reports') return 'report';
  if (section === 'briefs') return extra === 'present' ? 'slides' : 'brief';
  if (section === 'findings') return 'findings';
  if (section === 'embed') return 'embed';
  if (section === 'recommendations') return rest === 'theme' ? 'recommendations' : 'recommendations-filter';
  if (section === 'practices') return 'recommendations-filter';
  if (section === 'search') return 'search';
  return rest ? 'other' : 'page';
}
