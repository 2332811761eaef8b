/**
 * npm run bench:build -- --pages N
 * Generates a seeded synthetic corpus of N reports per language (headings, tables, charts, citations,
 * Khmer prose) next to the real content, builds it with search indexing into a temporary folder
 * (CONTENT_ROOT, so content/ is untouched), and prints wall time, pages per second and peak memory.
 * It prints figures; it never passes or fails.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { report, reportName } from './corpus.ts';
import { measureRun } from './measure.ts';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--pages') + 1] ?? 100);
if (!Number.isInteger(N) || N < 1) throw new Error('Usage: npm run bench:build -- --pages N');
const keep = args.includes('--keep');

const work = mkdtempSync(path.join(tmpdir(), `bench-build-${N}-`));
const content = path.join(work, 'content');
cpSync('content', content, { recursive: true });
for (const lang of ['en', 'km'] as const) {
  const dir = path.join(content, 'reports', lang);
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= N; i++) writeFileSync(path.join(dir, `${reportName(i)}.mdx`), report(lang, i));
}
const words = readFileSync(path.join(content, 'reports', 'en', 'synthetic-00001.mdx'), 'utf8').split(/\s+/).length;

const { code, seconds, peakMb, log } = await measureRun(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', path.join(work, 'dist')], {
  env: { ...process.env, CONTENT_ROOT: content, ASTRO_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
});
if (code !== 0) {
  console.log(log.slice(-3000));
  console.log(`build failed (exit ${code})`);
} else {
  const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0);
  const indexed = /indexed (\d+) pages and (\d+) records/.exec(log);
  console.log(`bench:build ${new Date().toISOString().slice(0, 10)}, ${N} synthetic reports per language (about ${words} words each) plus the real content`);
  console.log(`  pages built:      ${pages} (search index: ${indexed?.[1]} pages, ${indexed?.[2]} records)`);
  console.log(`  wall time:        ${seconds.toFixed(1)} s (build, link check and search indexing)`);
  console.log(`  pages per second: ${(pages / seconds).toFixed(1)}`);
  console.log(`  peak memory:      ${peakMb.toFixed(0)} MB (resident, build process and children)`);
  if (process.env.BENCH_LOG) console.log(log);
}
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`  kept in ${work}`);
