/**
 * Internal link integrity over built HTML: every link, image, script and stylesheet on the site resolves
 * to a file, and every #anchor to an element on its target page.
 */
export interface PageLinks {
  ids: Set<string>;
  links: string[];
}

/**
 * Ids and outgoing links (href and src) of one built HTML page. The site's own output always quotes
 * attributes with double quotes, and text content is escaped, so attributes can be read directly.
 */
export function extractLinks(html: string): PageLinks {
  const ids = new Set<string>();
  const links: string[] = [];
  for (const m of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const tag = m[0];
    for (const a of tag.matchAll(/\s(id|href|src)="([^"]*)"/g)) {
      const value = a[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      if (a[1] === 'id') ids.add(value);
      else links.push(value);
    }
  }
  return { ids, links };
}

/** The site path a link points to, or null when it leaves the site. */
export function internalTarget(href: string, fromPath: string, siteOrigin: string): { path: string; hash: string } | null {
  if (/^(mailto|tel|data|javascript):/i.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href, siteOrigin + fromPath);
  } catch {
    return { path: href, hash: '' };
  }
  if (url.origin !== siteOrigin) return null;
  return { path: decodeURIComponent(url.pathname), hash: decodeURIComponent(url.hash.slice(1)) };
}

/**
 * Problems with the links of every page. `exists(path)` tells whether a site path is a file or a folder
 * with index.html; pages maps page paths ("/en/reports/x/") to their ids and links.
 */
export function checkLinks(pages: Map<string, PageLinks>, exists: (path: string) => boolean, siteOrigin: string): string[] {
  const problems: string[] = [];
  for (const [from, { links }] of pages) {
    for (const href of links) {
      const target = internalTarget(href, from, siteOrigin);
      if (!target) continue;
      if (!exists(target.path)) {
        problems.push(`${from} links to ${href}, which does not exist.`);
        continue;
      }
      if (target.hash) {
        const page = pages.get(target.path.endsWith('/') ? target.path : target.path.replace(/index\.html$/, ''));
        // Anchors are checked on HTML pages; #slide-N is created by the slide script.
        if (page && !page.ids.has(target.hash) && !/^slide-\d+$/.test(target.hash)) {
          problems.push(`${from} links to ${href}, but ${target.path} has no element with id "${target.hash}".`);
        }
      }
    }
  }
  return problems;
}
