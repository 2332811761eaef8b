/**
 * npm run build — builds the site into a temporary folder and swaps it into place only when the whole
 * build (pages, link check, search index) has succeeded. A failed build leaves the previous site whole.
 * OUT_DIR names the target (default dist); extra arguments go to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const target = path.resolve(process.env.OUT_DIR ?? 'dist');
const staging = `${target}.staging-${process.pid}`;
const previous = `${target}.previous-${process.pid}`;

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', staging, ...process.argv.slice(2)], { stdio: 'inherit' });

if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nThe build failed; ${path.relative(process.cwd(), target) || target}/ was left as it was.`);
  process.exit(result.status ?? 1);
}
// Two renames: the old site is only removed once the new one is in place.
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Built into ${path.relative(process.cwd(), target) || target}/.`);
