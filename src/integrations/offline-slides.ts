/**
 * Astro integration: every brief's slides, in every language, as one self-contained HTML file next to the
 * brief, /<lang>/briefs/<slug>/slides-offline.html (src/lib/present/offline.ts). Written once the pages are
 * generated, so that the link check sees the files the brief pages link to; registered after the security
 * integration, whose site-wide policy (fonts from the site only) it then replaces with the file's own.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../lib/config/site-config';
import { fontFiles } from '../lib/fonts/font-faces';
import { offlineSlidesHtml, withOfflinePolicy } from '../lib/present/offline';

export const OFFLINE_SLIDES_FILE = 'slides-offline.html';

/** Slides pages of the build: <lang>/briefs/<slug>/present/index.html. */
function slidesPages(outDir: string): { page: string; target: string }[] {
  const found: { page: string; target: string }[] = [];
  for (const lang of readdirSync(outDir)) {
    const briefs = path.join(outDir, lang, 'briefs');
    if (!existsSync(briefs)) continue;
    for (const slug of readdirSync(briefs)) {
      const page = path.join(briefs, slug, 'present', 'index.html');
      if (existsSync(page)) found.push({ page, target: path.join(briefs, slug, OFFLINE_SLIDES_FILE) });
    }
  }
  return found;
}

export function writeOfflineSlides(outDir: string): number {
  const config = siteConfig();
  const fonts = fontFiles(config.fonts, path.resolve('node_modules'));
  const read = (sitePath: string): Buffer | undefined => {
    const rel = sitePath.slice(config.base.length);
    const font = rel.startsWith('fonts/') ? fonts.get(rel.slice('fonts/'.length)) : undefined;
    const candidates = [path.join(outDir, rel), path.resolve('public', rel), ...(font ? [font] : [])];
    const file = candidates.find((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
    return file ? readFileSync(file) : undefined;
  };
  const publicBase = new URL(config.base, config.url).href;
  const pages = slidesPages(outDir);
  for (const { page, target } of pages) {
    const where = path.relative(process.cwd(), page);
    writeFileSync(target, offlineSlidesHtml(readFileSync(page, 'utf8'), { publicBase, base: config.base, read, where }));
  }
  return pages.length;
}

export default function offlineSlides(): AstroIntegration {
  return {
    name: 'offline-slides',
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        const n = writeOfflineSlides(fileURLToPath(dir));
        logger.info(`${n} self-contained slide files (${OFFLINE_SLIDES_FILE})`);
      },
      'astro:build:done': ({ dir }) => {
        for (const { target } of slidesPages(fileURLToPath(dir))) writeFileSync(target, withOfflinePolicy(readFileSync(target, 'utf8')));
      },
    },
  };
}
