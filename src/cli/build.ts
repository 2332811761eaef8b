/**
 * npm run build — builds the site into a temporary folder and swaps it into place only when the whole
 * build (pages, link check, search index) has succeeded. A failed build leaves the previous site whole.
 * OUT_DIR names the target (default dist); extra arguments go to `astro build`.
 *
 * `--production` (or SITE_ENV=production) is a build for publication: it stops, before Astro starts, while the
 * public URL or the contact address is a placeholder. Any other build only warns about them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadSiteConfig, placeholderSettings } from '../lib/config/site-config.ts';

const target = path.resolve(process.env.OUT_DIR ?? 'dist');
const staging = `${target}.staging-${process.pid}`;
const previous = `${target}.previous-${process.pid}`;

const args = process.argv.slice(2);
if (args.includes('--production')) process.env.SITE_ENV = 'production';
const astroArgs = args.filter((a) => a !== '--production');

// Check the configuration first: a wrong or placeholder address fails in a second, not after every page.
try {
  const config = loadSiteConfig(process.env);
  const placeholders = placeholderSettings(config);
  if (placeholders.length) {
    console.warn(
      `\nWarning: this build is not ready to publish:\n${placeholders.map((p) => `  - ${p}`).join('\n')}\n` +
        `Canonical links, QR codes, share and embed codes, citations and the footer use these. A build for publication (npm run build -- --production, or SITE_ENV=production) refuses them.\n`,
    );
  }
} catch (error) {
  console.error(`\n${(error as Error).message}\n\nThe build did not start; ${path.relative(process.cwd(), target) || target}/ was left as it was.`);
  process.exit(1);
}

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', staging, ...astroArgs], { stdio: 'inherit' });

if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nThe build failed; ${path.relative(process.cwd(), target) || target}/ was left as it was.`);
  process.exit(result.status ?? 1);
}
// Astro wrote nothing (npm run build -- --help): nothing to swap in.
if (!existsSync(staging)) process.exit(0);
// Two renames: the old site is only removed once the new one is in place.
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Built into ${path.relative(process.cwd(), target) || target}/.`);
