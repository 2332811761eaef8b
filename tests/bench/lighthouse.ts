/**
 * npm run bench:lighthouse [-- --fonts hidden|system|both] — runs Lighthouse (mobile, the default) with
 * Debian's Chromium on each page type in both languages of the built site, served gzipped on 127.0.0.1, and
 * prints the four category scores, the bytes transferred (and how many of them are fonts), cumulative layout
 * shift, total blocking time and largest contentful paint. It prints figures; it never passes or fails.
 *
 * --fonts hidden: Chromium sees no Noto and no Khmer font (FONTCONFIG_FILE names a configuration that rejects
 * them, see tests/support/fonts.ts), as on a device without our fonts: local() finds nothing and the pages
 * download theirs. --fonts system: Chromium sees the fonts installed on this machine. Default: both, hidden first.
 * LH_PAGES=a/,b/ limits the pages (paths after the language).
 *
 * --runs N (default 1): runs Lighthouse N times on each page and prints the median run, the run closest to the
 * median first contentful paint and time to interactive (Lighthouse's own computeMedianRun, as Lighthouse CI
 * does), and the range of the performance score over the N runs. One run's blocking time swings with this
 * virtual machine's speed (0 to 350 ms on the same page within minutes), which moves a score by up to eight.
 *
 * --paint-holding on|off (default on, as Chrome ships): off starts Chromium with PaintHolding disabled, as
 * Playwright does. Headless Chromium can hold a page's first frame back by one or two whole seconds after the
 * page has loaded (Lighthouse issue 17148: while paint holding defers the first commit, viz stops sending
 * BeginFrames to the page); Lighthouse's simulated speed index and first contentful paint build on that observed
 * paint, so the scores drop for a delay no reader sees. The "paint" and "load" columns are the observed first
 * contentful paint and load event of the run, so a held frame shows (paint a second or more after load).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser.ts';
import { describeVisibleFonts, fontsEnvironment, type FontsMode } from '../support/fonts.ts';
import { serveBuiltSite } from '../support/site.ts';

const run = promisify(execFile);
const PAGES = process.env.LH_PAGES ? process.env.LH_PAGES.split(',') : ['', 'reports/miccaf/', 'briefs/miccaf-key-findings/', 'briefs/miccaf-key-findings/present/', 'findings/', 'findings/miccaf-household-income/', 'recommendations/', 'recommendations/theme/mental-health/', 'practices/', 'search/', 'about/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const { values } = parseArgs({ options: { fonts: { type: 'string', default: 'both' }, 'paint-holding': { type: 'string', default: 'on' }, runs: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number from 1, not "${values.runs}"`);
if (!['hidden', 'system', 'both'].includes(values.fonts)) throw new Error(`--fonts must be hidden, system or both, not "${values.fonts}"`);
if (!['on', 'off'].includes(values['paint-holding'])) throw new Error(`--paint-holding must be on or off, not "${values['paint-holding']}"`);
const chromeFlags = ['--headless=new', ...CHROMIUM_ARGS, ...(values['paint-holding'] === 'off' ? ['--disable-features=PaintHolding'] : [])];
const modes: FontsMode[] = values.fonts === 'both' ? ['hidden', 'system'] : [values.fonts as FontsMode];

interface Audit {
  id: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  details?: { items?: { resourceType?: string; transferSize?: number }[] };
}

const columns = ['page'.padEnd(42), ...['perf', 'a11y', 'bp', 'seo'].map((c) => c.padStart(5)), 'bytes'.padStart(9), 'fonts'.padStart(8), 'CLS'.padStart(7), 'TBT ms'.padStart(8), 'LCP ms'.padStart(8), 'paint'.padStart(7), 'load'.padStart(6), 'cpu'.padStart(6), ...(runs > 1 ? ['  perf over runs'] : [])];

const server = await serveBuiltSite();
const out = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
console.log(`Lighthouse (mobile) ${new Date().toISOString().slice(0, 10)}, ${path.basename(chromiumPath())}, paint holding ${values['paint-holding']}${runs > 1 ? `; the median of ${runs} runs a page` : ''}; scores out of 100; bytes transferred on a first visit (fonts: of which font files); CLS, TBT and LCP as Lighthouse computes them; paint and load: the run's observed first contentful paint and load event, ms; cpu: Lighthouse's benchmark index of this machine during the run (higher is faster; its 4x CPU slowdown assumes a fixed speed, so a lower index means longer simulated tasks)`);
try {
  for (const mode of modes) {
    const fonts = fontsEnvironment(mode);
    console.log(`\nfonts ${mode}: the browser sees ${describeVisibleFonts(fonts.env)}`);
    console.log(columns.join(''));
    try {
      for (const lang of ['en', 'km']) {
        for (const p of PAGES) await measure(`/${lang}/${p}`, fonts.env);
      }
    } finally {
      fonts.dispose();
    }
  }
} finally {
  await server.close();
  rmSync(out, { recursive: true, force: true });
}

async function measure(urlPath: string, env: Record<string, string>) {
  const file = path.join(out, 'report.json');
  try {
    const reports = [];
    for (let i = 0; i < runs; i++) {
      await run(
        process.execPath,
        ['node_modules/lighthouse/cli/index.js', server.url + urlPath, '--quiet', '--output=json', `--output-path=${file}`, `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${chromeFlags.join(' ')}`],
        // chrome-launcher starts Chromium with this environment, so FONTCONFIG_FILE reaches it.
        { env: { ...process.env, ...env, CHROME_PATH: chromiumPath() }, maxBuffer: 64 * 1024 * 1024 },
      );
      reports.push(JSON.parse(readFileSync(file, 'utf8')));
    }
    const report = runs > 1 ? computeMedianRun(reports) : reports[0];
    const perfScores = reports.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
    const audits = report.audits as Record<string, Audit>;
    const scores = CATEGORIES.map((c) => String(Math.round((report.categories[c]?.score ?? 0) * 100)).padStart(5));
    const fontBytes = (audits['network-requests']?.details?.items ?? []).filter((i) => i.resourceType === 'Font').reduce((n, i) => n + (i.transferSize ?? 0), 0);
    const value = (id: string, digits = 0) => (audits[id]?.numericValue ?? NaN).toFixed(digits);
    const observed = (key: string) => ((audits.metrics?.details?.items?.[0] as Record<string, number> | undefined)?.[key] ?? NaN).toFixed(0);
    console.log(
      [
        urlPath.padEnd(42),
        ...scores,
        String(Math.round(audits['total-byte-weight']?.numericValue ?? 0)).padStart(9),
        String(fontBytes).padStart(8),
        value('cumulative-layout-shift', 3).padStart(7),
        value('total-blocking-time').padStart(8),
        value('largest-contentful-paint').padStart(8),
        observed('observedFirstContentfulPaint').padStart(7),
        observed('observedLoad').padStart(6),
        String(Math.round(report.environment?.benchmarkIndex ?? NaN)).padStart(6),
        ...(runs > 1 ? [`  ${Math.min(...perfScores)}-${Math.max(...perfScores)}`] : []),
      ].join(''),
    );
    const failing = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
      .map((a) => a.id);
    if (failing.length) console.log(`${''.padEnd(4)}below 100: ${failing.slice(0, 8).join(', ')}`);
  } catch (error) {
    console.log(urlPath.padEnd(42) + `  Lighthouse failed: ${(error as Error).message.split('\n')[0]}`);
  }
}
