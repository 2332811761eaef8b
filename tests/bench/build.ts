/**
 * npm run bench:build -- --pages N [--pages M] [--rebuild] [--dev] [--heap] [--huge MB] [--max-mb MB] [--keep]
 * Generates a seeded synthetic corpus of N reports per language (headings, tables, charts, citations,
 * Khmer prose) next to the real content, builds it with search indexing into a temporary folder
 * (CONTENT_ROOT, so content/ is untouched), and prints wall time, pages per second, peak memory, memory
 * per page and where the memory was (by process and by build phase). With a second --pages it builds
 * both sizes and prints the growth of peak memory a page between them. --rebuild builds the same corpus a
 * second time with nothing changed (the content cache kept) and prints that time beside the cold one.
 * --dev starts `astro dev` on the corpus and prints how long an edit to one brief takes to show in the page
 * the dev server sends (the browser reloads it on the change; its own reload is not counted).
 * --huge MB adds one English report of about that size (the case of one 5 MB report).
 * --heap also samples the build process's JavaScript heap, external memory and array buffers each second
 * (tests/bench/heap-probe.mjs) and prints their peak in each phase. --max-mb kills a build whose memory passes it (default 12000: a benchmark must not take a shared
 * machine down). It prints figures; it never passes or fails.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hugeReport, report, reportName } from './corpus.ts';
import { measureRun, type MeasuredRun } from './measure.ts';
import { astroBuildEnv } from '../../src/lib/build/process-env.ts';

const args = process.argv.slice(2);
const sizes = args.flatMap((a, i) => (a === '--pages' ? [Number(args[i + 1])] : []));
if (!sizes.length) sizes.push(100);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('Usage: npm run bench:build -- --pages N [--pages M] [--rebuild] [--max-mb MB]');
const keep = args.includes('--keep');
const rebuild = args.includes('--rebuild');
const heap = args.includes('--heap');
const dev = args.includes('--dev');
const hugeMb = args.includes('--huge') ? Number(args[args.indexOf('--huge') + 1]) : 0;
const maxMb = args.includes('--max-mb') ? Number(args[args.indexOf('--max-mb') + 1]) : 12_000;
const mb = (n: number) => `${Math.round(n).toLocaleString('en')} MB`;

function corpus(N: number): { work: string; content: string; words: number } {
  const work = mkdtempSync(path.join(tmpdir(), `bench-build-${N}-`));
  const content = path.join(work, 'content');
  cpSync('content', content, { recursive: true });
  for (const lang of ['en', 'km'] as const) {
    const dir = path.join(content, 'reports', lang);
    mkdirSync(dir, { recursive: true });
    for (let i = 1; i <= N; i++) writeFileSync(path.join(dir, `${reportName(i)}.mdx`), report(lang, i));
  }
  if (hugeMb) writeFileSync(path.join(content, 'reports', 'en', 'synthetic-huge.mdx'), hugeReport('en', hugeMb * 1024 * 1024));
  const words = readFileSync(path.join(content, 'reports', 'en', 'synthetic-00001.mdx'), 'utf8').split(/\s+/).length;
  return { work, content, words };
}

// The output folder is inside the project: for an outDir elsewhere, Astro puts its prerender bundle in the
// project's shared .astro/ folder, where two builds at once (another benchmark, a test) delete each other's.
function build(work: string, content: string, out = `dist-bench-${process.pid}`): Promise<MeasuredRun> {
  const outDir = path.resolve(out);
  const probe = heap ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${path.resolve('tests/bench/heap-probe.mjs')}`, HEAP_PROBE_FILE: path.join(work, `${out}.jsonl`) } : {};
  return measureRun(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    // As npm run build starts it (src/cli/build.ts).
    env: astroBuildEnv({ ...process.env, ...probe, CONTENT_ROOT: content, ASTRO_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' }),
    maxMb,
  }).finally(() => rmSync(outDir, { recursive: true, force: true }));
}

function failed(run: MeasuredRun): boolean {
  if (run.code === 0) return false;
  console.log(run.log.slice(-3000));
  console.log(run.killed ? `build killed: its memory passed ${mb(maxMb)} (--max-mb)` : `build failed (exit ${run.code})`);
  return true;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * The dev server on the corpus: the first request to a brief, then three edits of its English text, each
 * timed from the file's write to the first response that has the new sentence. Returns seconds.
 */
async function devEditLatency(work: string, content: string): Promise<{ first: number; edits: number[] } | string> {
  const port = await freePort();
  const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port)], {
    env: { ...process.env, CONTENT_ROOT: content, ASTRO_CACHE_DIR: path.join(work, 'cache-dev'), ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const url = `http://localhost:${port}/en/briefs/khatlon-first-year/`;
  const file = path.join(content, 'briefs', 'en', 'khatlon-first-year.mdx');
  const original = readFileSync(file, 'utf8');
  const until = async (test: (html: string) => boolean, seconds: number) => {
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      try {
        const html = await (await fetch(url)).text();
        if (test(html)) return true;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return false;
  };
  try {
    const started = Date.now();
    if (!(await until((html) => html.includes('</html>'), 300))) return `the dev server did not answer:\n${log.slice(-2000)}`;
    const first = (Date.now() - started) / 1000;
    const edits: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const marker = `Edited for the benchmark ${i}-${Date.now()}.`;
      const written = Date.now();
      writeFileSync(file, `${original}\n${marker}\n`);
      if (!(await until((html) => html.includes(marker), 60))) return `edit ${i} did not show within 60 s:\n${log.slice(-2000)}`;
      edits.push((Date.now() - written) / 1000);
    }
    return { first, edits };
  } finally {
    writeFileSync(file, original);
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      /* ended */
    }
  }
}

const results: { N: number; pages: number; peakMb: number }[] = [];
console.log(`bench:build ${new Date().toISOString().slice(0, 10)}; machine load (1, 5, 15 min): ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ')}`);
for (const N of sizes) {
  const { work, content, words } = corpus(N);
  try {
    const run = await build(work, content);
    if (failed(run)) continue;
    const pages = Number(/(\d+) page\(s\) built/.exec(run.log)?.[1] ?? 0);
    const indexed = /indexed (\d+) pages and (\d+) records/.exec(run.log);
    results.push({ N, pages, peakMb: run.peakMb });
    console.log(`\n${N} synthetic reports per language (about ${words} words each) plus the real content${hugeMb ? `, and one English report of ${hugeMb} MB` : ''}`);
    console.log(`  pages built:      ${pages} (search index: ${indexed?.[1]} pages, ${indexed?.[2]} records)`);
    console.log(`  wall time:        ${run.seconds.toFixed(1)} s (build, link check and search indexing)`);
    console.log(`  pages per second: ${(pages / run.seconds).toFixed(1)}`);
    console.log(`  peak memory:      ${mb(run.peakMb)} (proportional set size, build process and children), ${(run.peakMb / pages).toFixed(2)} MB a page`);
    console.log(`  by process:       ${Object.entries(run.byKind).map(([k, v]) => `${k} ${mb(v)}`).join(', ')} (each its own peak)`);
    console.log(`  by phase:         peak memory of the whole tree, and time`);
    const probeFile = path.join(work, `dist-bench-${process.pid}.jsonl`);
    const samples: Record<string, number>[] = heap && existsSync(probeFile) ? readFileSync(probeFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
    for (const s of samples) s.t = (s.at - run.startedAt) / 1000;
    for (const p of run.byPhase) {
      const within = samples.filter((s) => s.t >= p.from && s.t < p.from + p.seconds + 1);
      const peak = (k: string, main = true) => Math.max(0, ...within.filter((s) => !s.thread === main).map((s) => s[k] ?? 0));
      // Worker threads: the peak of their heaps summed second by second.
      const seconds = new Map<number, number>();
      for (const s of within.filter((s) => s.thread)) seconds.set(Math.round(s.t), (seconds.get(Math.round(s.t)) ?? 0) + s.heap + (s.external ?? 0));
      const inside = within.length ? `   build process: resident ${mb(peak('rss'))}, heap ${mb(peak('heap'))}, external ${mb(peak('external'))} (array buffers ${mb(peak('arrayBuffers'))}); worker heaps and external ${mb(Math.max(0, ...seconds.values()))}` : '';
      console.log(`    ${p.phase.padEnd(32)} ${mb(p.peakMb).padStart(9)}  ${p.seconds.toFixed(1).padStart(6)} s${inside}`);
    }
    if (rebuild) {
      // The same corpus again, nothing changed, into a fresh output folder as npm run build does (staging).
      const again = await build(work, content, `dist-bench-${process.pid}-2`);
      if (!failed(again)) {
        console.log(`  rebuild, content unchanged: ${again.seconds.toFixed(1)} s (${((again.seconds / run.seconds) * 100).toFixed(0)}% of the cold build), peak ${mb(again.peakMb)}`);
        console.log(`    by phase: ${again.byPhase.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join('; ')}`);
        if (process.env.BENCH_LOG) console.log(again.log);
      }
    }
    if (dev) {
      const latency = await devEditLatency(work, content);
      if (typeof latency === 'string') console.log(`  dev server: ${latency}`);
      else console.log(`  dev server: first page ${latency.first.toFixed(1)} s after start; an edit to a brief shows in ${latency.edits.map((s) => s.toFixed(2)).join(', ')} s`);
    }
    if (process.env.BENCH_LOG) console.log(run.log);
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
    else console.log(`  kept in ${work}`);
  }
}
if (results.length >= 2) {
  const [a, b] = [results[0], results.at(-1)!];
  console.log(`\ngrowth of peak memory from ${a.pages} to ${b.pages} pages: ${((b.peakMb - a.peakMb) / (b.pages - a.pages)).toFixed(2)} MB a page`);
}
