/**
 * npm run bench:cards [-- --rounds N] — what share cards add to a cold build: the project's tracked files
 * copied twice into a temporary folder, the card route (src/pages/[...og]) removed from one copy, and the two
 * built alternately, each with an empty cache, N rounds (default 2). Prints wall time and, where
 * /usr/bin/time exists, the CPU time of the build and its children. It prints figures; it never passes or fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' } } });
const rounds = Number(values.rounds);
const root = process.cwd();
const work = mkdtempSync(path.join(tmpdir(), 'bench-cards-'));
const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
const variants = ['without', 'with'] as const;
for (const variant of variants) {
  const dir = path.join(work, variant);
  for (const file of files) if (existsSync(file)) cpSync(file, path.join(dir, file));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
}
rmSync(path.join(work, 'without', 'src', 'pages', '[...og]'), { recursive: true, force: true });

const timed = existsSync('/usr/bin/time');
const results: Record<string, { wall: number; cpu?: number }[]> = { without: [], with: [] };
try {
  console.log(`Share cards in a cold build, ${new Date().toISOString().slice(0, 10)}, ${rounds} rounds, each build with an empty cache`);
  for (let round = 1; round <= rounds; round++) {
    for (const variant of variants) {
      const dir = path.join(work, variant);
      const cache = path.join(work, `cache-${variant}`);
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache);
      const timeFile = path.join(work, 'time.txt');
      const command = timed ? ['/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, process.execPath, 'src/cli/build.ts']] as const : [process.execPath, ['src/cli/build.ts']] as const;
      const started = process.hrtime.bigint();
      const run = spawnSync(command[0], [...command[1]], { cwd: dir, env: { ...process.env, ASTRO_CACHE_DIR: cache, OUT_DIR: path.join(dir, 'dist') }, encoding: 'utf8' });
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      if (run.status !== 0) throw new Error(`the build ${variant} cards failed:\n${(run.stdout + run.stderr).slice(-2000)}`);
      const cpu = timed ? readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(1).reduce((sum, s) => sum + Number(s), 0) : undefined;
      results[variant].push({ wall, cpu });
      console.log(`round ${round}, ${variant.padEnd(7)} cards: wall ${wall.toFixed(1)} s${cpu === undefined ? '' : `, CPU ${cpu.toFixed(1)} s`}`);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const change = (key: 'wall' | 'cpu') => {
    const [a, b] = [mean(results.without.map((r) => r[key] ?? NaN)), mean(results.with.map((r) => r[key] ?? NaN))];
    return `${a.toFixed(1)} s without, ${b.toFixed(1)} s with, ${((b / a - 1) * 100).toFixed(0)}%`;
  };
  console.log(`mean wall: ${change('wall')}`);
  if (timed) console.log(`mean CPU:  ${change('cpu')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
