/** The built site (dist/) served for a test file, and fixture sites built for one. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveDirectory, type StaticServer } from './static-server.ts';

// OUT_DIR (as for npm run build) lets two checkouts' worth of work test side by side.
export const DIST = path.resolve(process.cwd(), process.env.OUT_DIR ?? 'dist');

export async function serveBuiltSite(): Promise<StaticServer> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ has no built site: run `npm run build` before the end-to-end tests.');
  }
  return serveDirectory(DIST);
}

/**
 * Builds the site with environment overrides (a fixture's content or data, a base path) into `out`, with
 * its own cache; throws with the end of the build log when the build fails.
 */
export function buildFixtureSite(out: string, cacheDir: string, env: Record<string, string> = {}): void {
  const built = spawnSync(process.execPath, ['src/cli/build.ts'], { env: { ...process.env, ...env, OUT_DIR: out, ASTRO_CACHE_DIR: cacheDir }, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stdout.slice(-2000) + built.stderr.slice(-2000));
}
