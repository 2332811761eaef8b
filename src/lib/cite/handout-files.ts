/**
 * Where the PDF handouts of npm run pdf are kept: handouts/ at the project root (HANDOUTS_DIR to change it),
 * outside the build's output, so that a rebuild keeps them. Node built-ins only, so the pdf command can import it.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export type HandoutKind = 'report' | 'brief';

export function handoutsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(process.cwd(), env.HANDOUTS_DIR ?? 'handouts');
}

/** "en/reports/miccaf.pdf": the file's path under handouts/ and under /handouts/ on the site. */
export function handoutPath(lang: string, kind: HandoutKind, slug: string): string {
  return `${lang}/${kind}s/${slug}.pdf`;
}

/** Every PDF in the handouts folder, as paths relative to it ("en/reports/miccaf.pdf"). */
export function listHandouts(dir = handoutsDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.pdf'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => /^[a-z]{2,3}\/(reports|briefs)\/[a-z0-9-]+\.pdf$/.test(rel))
    .sort();
}
