/** The URL paths listed in the built sitemap. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './site.ts';

export function sitemapPaths(root = DIST): string[] {
  const files = readdirSync(root).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const paths = files.flatMap((f) => [...readFileSync(path.join(root, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
  return [...new Set(paths)].sort();
}
