/**
 * npm run build — builds the site into a temporary folder and swaps it into place only when the whole
 * build (pages, link check, search index) has succeeded. A failed build leaves the previous site whole.
 * OUT_DIR names the target (default dist); extra arguments go to `astro build`.
 *
 * A build killed outright (out of memory, kill -9) cannot clean up; the next build removes what it left.
 *
 * `--production` (or SITE_ENV=production) is a build for publication: it stops, before Astro starts, while the
 * public URL or the contact address is a placeholder. Any other build only warns about them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadSiteConfig, placeholderSettings } from '../lib/config/site-config.ts';
import { astroBuildEnv } from '../lib/build/process-env.ts';

const target = path.resolve(process.env.OUT_DIR ?? 'dist');
const staging = `${target}.staging-${process.pid}`;
const previous = `${target}.previous-${process.pid}`;

/** Whether a process still runs. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What a killed build left (the out-of-memory killer, a power cut, kill -9): its staging folder is removed,
 * and a site moved aside between the two renames below is put back. Folders of builds still running stay.
 */
function cleanUpAfterKilledBuilds() {
  const dir = path.dirname(target);
  const name = path.basename(target);
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const m = /^(.*)\.(staging|previous)-(\d+)$/.exec(entry);
    if (!m || m[1] !== name || running(Number(m[3]))) continue;
    const left = path.join(dir, entry);
    if (m[2] === 'previous' && !existsSync(target)) {
      renameSync(left, target);
      console.warn(`A killed build had moved the site aside; it is back in ${path.relative(process.cwd(), target) || target}/.`);
    } else rmSync(left, { recursive: true, force: true });
  }
}

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

cleanUpAfterKilledBuilds();
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', staging, ...astroArgs], { stdio: 'inherit', env: astroBuildEnv() });

if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nThe build failed; ${path.relative(process.cwd(), target) || target}/ was left as it was.`);
  process.exit(result.status ?? 1);
}
// Astro wrote nothing (npm run build -- --help): nothing to swap in.
if (!existsSync(staging)) process.exit(0);
// A build process that stops early without an error (its event loop ran dry while a hook still waited)
// exits with 0 too. The search index is written last: without it the build is not whole.
const lastWritten = path.join(staging, 'pagefind', 'pagefind-entry.json');
if (!existsSync(lastWritten)) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nThe build stopped before it wrote the search index (${path.relative(staging, lastWritten)}); ${path.relative(process.cwd(), target) || target}/ was left as it was.`);
  process.exit(1);
}
// Two renames: the old site is only removed once the new one is in place.
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Built into ${path.relative(process.cwd(), target) || target}/.`);
