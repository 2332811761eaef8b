/**
 * Internal link integrity over built HTML: every link, image, script and stylesheet on the site resolves
 * to a file, and every #anchor to an element on its target page.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

export interface PageLinks {
  ids: Set<string>;
  links: string[];
}

const LINK_ATTRS: Record<string, string> = { a: 'href', link: 'href', img: 'src', script: 'src', iframe: 'src', source: 'src' };

/** Ids and outgoing links of one HTML page. */
export function extractLinks(html: string): PageLinks {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const ids = new Set<string>();
  const links: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const id = node.properties?.id;
    if (typeof id === 'string') ids.add(id);
    const attr = LINK_ATTRS[node.tagName];
    const value = attr ? node.properties?.[attr === 'href' ? 'href' : 'src'] : undefined;
    if (typeof value === 'string') links.push(value);
  });
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
