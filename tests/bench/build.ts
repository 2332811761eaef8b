/**
 * npm run bench:build -- --pages N
 * Generates a seeded synthetic corpus of N reports per language (headings, tables, charts, citations,
 * Khmer prose) next to the real content, builds it with search indexing into a temporary folder
 * (CONTENT_ROOT, so content/ is untouched), and prints wall time, pages per second and peak memory.
 * It prints figures; it never passes or fails.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededRandom } from './random.ts';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--pages') + 1] ?? 100);
if (!Number.isInteger(N) || N < 1) throw new Error('Usage: npm run bench:build -- --pages N');
const keep = args.includes('--keep');

const rand = seededRandom(42);
const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

/** Sentences of the real content, without MDX components, to write realistic prose. */
function sentences(dir: string, splitter: RegExp): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const body = readFileSync(path.join(dir, f), 'utf8').split(/^---$/m).slice(2).join('');
    for (const line of body.split('\n')) {
      if (!line.trim() || /^[#|<-]/.test(line.trim())) continue;
      const clean = line.replace(/<[^>]+>/g, '').replace(/[{}]/g, '').trim();
      out.push(...clean.split(splitter).map((s) => s.trim()).filter((s) => s.length > 30));
    }
  }
  return out;
}

const EN = [...sentences('content/reports/en', /(?<=\.)\s+/), ...sentences('content/briefs/en', /(?<=\.)\s+/)];
const KM = [...sentences('content/reports/km', /(?<=។)\s*/), ...sentences('content/briefs/km', /(?<=។)\s*/)];
const CHARTS = readFileSync('data/charts.csv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
const THEMES = readFileSync('data/themes.csv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
const SOURCES = ['miccaf', 'khatlon', 'unicef', 'remittances', 'family-package'];

function paragraph(pool: string[], n: number, cite: boolean): string {
  const text = Array.from({ length: n }, () => pick(pool)).join(' ');
  return cite ? `${text} <Cite source="${pick(SOURCES)}" at="Section ${1 + Math.floor(rand() * 5)}" />` : text;
}

function report(lang: 'en' | 'km', i: number): string {
  const pool = lang === 'en' ? EN : KM;
  const title = lang === 'en' ? `Synthetic report ${i}` : `របាយការណ៍សាកល្បង ${i}`;
  const parts = [
    '---',
    `title: "${title}"`,
    `summary: "${paragraph(pool, 1, false).replace(/"/g, "'")}"`,
    'date: 2026-11-23',
    `country: ${pick(['cambodia', 'tajikistan', 'global'])}`,
    `themes: [${pick(THEMES)}, ${pick(THEMES)}]`.replace(/\[(\S+), \1\]/, '[$1]'),
    `source: ${pick(SOURCES)}`,
    `translation: ${lang === 'en' ? 'original' : 'machine'}`,
    '---',
    '',
  ];
  for (let s = 1; s <= 5; s++) {
    parts.push(`## ${lang === 'en' ? 'Section' : 'ផ្នែក'} ${s}`, '', paragraph(pool, 4, true), '');
    parts.push(`### ${lang === 'en' ? 'Detail' : 'ព័ត៌មានលម្អិត'} ${s}.1`, '', paragraph(pool, 3, true), '');
    if (s === 2) parts.push('| Measure | Value | Year |', '|---|---|---|', ...Array.from({ length: 4 }, (_, r) => `| Row ${r + 1} | ${Math.floor(rand() * 10000)} | ${2014 + r} |`), '');
    if (s === 3) parts.push(`<Chart id="${pick(CHARTS)}" />`, '');
  }
  return parts.join('\n');
}

function rssTreeKb(rootPid: number): number {
  // Sum the resident memory of the build process and its children (Pagefind runs as a child).
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (Number(pid) === rootPid || isDescendant(Number(pid), ppid, rootPid)) total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      /* process ended */
    }
  }
  return total;
}
function isDescendant(pid: number, ppid: number, root: number): boolean {
  for (let depth = 0; depth < 6 && ppid > 1; depth++) {
    if (ppid === root) return true;
    try {
      ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${ppid}/status`, 'utf8'))?.[1]);
    } catch {
      return false;
    }
  }
  return false;
}

const work = mkdtempSync(path.join(tmpdir(), `bench-build-${N}-`));
const content = path.join(work, 'content');
cpSync('content', content, { recursive: true });
for (const lang of ['en', 'km'] as const) {
  const dir = path.join(content, 'reports', lang);
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= N; i++) writeFileSync(path.join(dir, `synthetic-${String(i).padStart(5, '0')}.mdx`), report(lang, i));
}
const words = readFileSync(path.join(content, 'reports', 'en', 'synthetic-00001.mdx'), 'utf8').split(/\s+/).length;

const started = process.hrtime.bigint();
const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', path.join(work, 'dist')], {
  env: { ...process.env, CONTENT_ROOT: content, ASTRO_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let peakKb = 0;
const poll = setInterval(() => (peakKb = Math.max(peakKb, rssTreeKb(child.pid!))), 50);
let log = '';
child.stdout.on('data', (d) => (log += d));
child.stderr.on('data', (d) => (log += d));
const code: number = await new Promise((resolve) => child.on('close', resolve));
clearInterval(poll);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
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
  console.log(`  peak memory:      ${(peakKb / 1024).toFixed(0)} MB (resident, build process and children)`);
  if (process.env.BENCH_LOG) console.log(log);
}
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`  kept in ${work}`);
