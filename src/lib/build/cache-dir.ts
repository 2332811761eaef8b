/** The build's cache folder, as astro.config.mjs sets Astro's cacheDir: ASTRO_CACHE_DIR, else node_modules/.astro. */
import path from 'node:path';

export function buildCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ASTRO_CACHE_DIR ? path.resolve(env.ASTRO_CACHE_DIR) : path.resolve('node_modules/.astro');
}
