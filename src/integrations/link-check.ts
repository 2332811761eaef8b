/**
 * Astro integration: after the build, check every internal link and anchor of the built site and fail
 * the build, naming the page, the link, and for content pages the MDX file and line to fix.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../lib/config/site-config';
import { checkLinks, extractLinks, type PageLinks } from '../lib/quality/links';

export function linkProblems(outDir: string): string[] {
  const config = siteConfig();
  const origin = new URL(config.url).origin;
  const base = config.base.replace(/\/$/, '');
  const pages = new Map<string, PageLinks>();
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = '/' + path.relative(outDir, file).split(path.sep).join('/');
    const urlPath = base + (rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
    pages.set(urlPath, extractLinks(readFileSync(file, 'utf8')));
  }
  const onDisk = (sitePath: string) => {
    if (!sitePath.startsWith(base + '/')) return false;
    const local = path.join(outDir, sitePath.slice(base.length));
    if (sitePath.endsWith('/')) return existsSync(path.join(local, 'index.html'));
    return existsSync(local) && statSync(local).isFile();
  };
  // Every page links to the same few dozen shared targets (navigation, CSS, fonts): ask the disk once each.
  const known = new Map<string, boolean>();
  const exists = (sitePath: string) => known.get(sitePath) ?? known.set(sitePath, onDisk(sitePath)).get(sitePath)!;
  return checkLinks(pages, exists, origin).map((problem) => problem + sourceHint(problem, config.contentRoot));
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
