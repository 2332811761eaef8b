/**
 * PDF handouts on the site: the build publishes what npm run pdf left in handouts/ (handout-files.ts) at
 * /handouts/…, and a report or brief page links its PDF only when the file exists; without PDFs the build works
 * and links none.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { siteConfig } from '../config/site-config';
import { withBase } from '../i18n/paths';
import { handoutPath, handoutsDir, type HandoutKind } from './handout-files';

export { handoutPath, handoutsDir, listHandouts, type HandoutKind } from './handout-files';

/** Site path (with base) of a page's PDF, or undefined when npm run pdf has not made it. */
export function handoutHref(lang: string, kind: HandoutKind, slug: string, dir = handoutsDir()): string | undefined {
  const rel = handoutPath(lang, kind, slug);
  const file = path.join(dir, rel);
  return existsSync(file) && statSync(file).size > 0 ? withBase(siteConfig().base, `handouts/${rel}`) : undefined;
}
