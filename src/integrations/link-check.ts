/**
 * Astro integration: after the build, check every internal link and anchor of the built site and fail
 * the build, naming the page, the link, and for content pages the MDX file and line to fix.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../lib/config/site-config';
import { extractLinks, internalTarget } from '../lib/quality/links';

/**
 * A string of its own. A regular-expression match is a slice of the page it was found in, and keeping the
 * slice keeps the whole page's HTML in memory; a copy keeps only itself.
 */
const own = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

/** A link to an anchor on another page, checked once every page's ids are known. */
interface AnchorLink {
  from: string;
  href: string;
  page: string;
  hash: string;
}

/**
 * Problems with the internal links of a built site, page by page. It keeps a compact index, not the pages:
 * each page's ids, and the links to anchors on other pages until those pages have been read. A link to a
 * missing file and a link to an anchor on its own page are checked as the page is read.
 */
export function linkProblems(outDir: string): string[] {
  const config = siteConfig();
  const origin = new URL(config.url).origin;
  const base = config.base.replace(/\/$/, '');
  const onDisk = (sitePath: string) => {
    if (!sitePath.startsWith(base + '/')) return false;
    const local = path.join(outDir, sitePath.slice(base.length));
    if (sitePath.endsWith('/')) return existsSync(path.join(local, 'index.html'));
    return existsSync(local) && statSync(local).isFile();
  };
  // Every page links to the same few dozen shared targets (navigation, CSS, fonts): ask the disk once each.
  const known = new Map<string, boolean>();
  const exists = (sitePath: string) => known.get(sitePath) ?? known.set(own(sitePath), onDisk(sitePath)).get(sitePath)!;
  const ids = new Map<string, Set<string>>();
  const problems: (string | AnchorLink)[] = [];
  // Anchors are checked on HTML pages; #slide-N is created by the slide script.
  const missingAnchor = (from: string, href: string, page: string, hash: string) => ids.has(page) && !ids.get(page)!.has(hash) && !/^slide-\d+$/.test(hash) ? own(`${from} links to ${href}, but ${page} has no element with id "${hash}".`) : undefined;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = '/' + path.relative(outDir, file).split(path.sep).join('/');
    const from = base + (rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
    const page = extractLinks(readFileSync(file, 'utf8'));
    ids.set(from, new Set([...page.ids].map(own)));
    for (const href of page.links) {
      const target = internalTarget(href, from, origin);
      if (!target) continue;
      if (!exists(target.path)) {
        problems.push(own(`${from} links to ${href}, which does not exist.`));
        continue;
      }
      if (!target.hash) continue;
      const to = target.path.endsWith('/') ? target.path : target.path.replace(/index\.html$/, '');
      if (to === from) {
        const problem = missingAnchor(from, href, to, target.hash);
        if (problem) problems.push(problem);
      } else problems.push({ from, href: own(href), page: own(to), hash: own(target.hash) });
    }
  }
  return problems
    .map((p) => (typeof p === 'string' ? p : missingAnchor(p.from, p.href, p.page, p.hash)))
    .filter((p): p is string => !!p)
    .map((problem) => problem + sourceHint(problem, config.contentRoot));
}

/** For a content page, where the broken link is written. */
function sourceHint(problem: string, contentRoot: string): string {
  const m = /^\/(\w+)\/(reports|briefs)\/([^/]+)\/ links to (\S+),/.exec(problem) ?? /^\/(\w+)\/()([^/]+)\/ links to (\S+),/.exec(problem);
  if (!m) return '';
  const [, lang, collection, slug, href] = m;
  const file = path.join(contentRoot, collection || 'pages', lang, `${slug}.mdx`);
  if (!existsSync(file)) return '';
  const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(`](${href})`) || l.includes(`"${href}"`));
  return line >= 0 ? ` Fix it in ${file}:${line + 1}.` : '';
}

export default function linkCheck(): AstroIntegration {
  return {
    name: 'link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const problems = linkProblems(fileURLToPath(dir));
        if (problems.length) throw new Error(`Broken internal links (${problems.length}):\n${problems.join('\n')}`);
        logger.info('every internal link and anchor resolves');
      },
    },
  };
}
