/** Astro integration: after the build, add the CSP and safe external links to every page, and write _headers. */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../lib/config/site-config';
import { mapLimited } from '../lib/build/bounded';
import { headersFile, inlineScriptHashes, withCspMeta, withSafeExternalLinks } from '../lib/quality/security';

export async function secureSite(outDir: string): Promise<number> {
  const origin = new URL(siteConfig().url).origin;
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
  const hashes = new Set<string>();
  // A few files at a time: all of them at once would hold every page of a large site in memory together.
  await mapLimited(files, 8, async (file) => {
    const html = await readFile(file, 'utf8');
    for (const h of inlineScriptHashes(html)) hashes.add(h);
    await writeFile(file, withCspMeta(withSafeExternalLinks(html, origin)));
  });
  // Sorted: files finish in no fixed order, and the same site should make the same file.
  await writeFile(path.join(outDir, '_headers'), headersFile([...hashes].sort()));
  return files.length;
}

export default function security(): AstroIntegration {
  return {
    name: 'security',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const n = await secureSite(fileURLToPath(dir));
        logger.info(`Content-Security-Policy and safe external links on ${n} pages; _headers written`);
      },
    },
  };
}
