/**
 * npm run bench:lighthouse — runs Lighthouse (mobile, the default) with Debian's Chromium on each page
 * type in both languages of the built site, served on 127.0.0.1, and prints the four category scores
 * and the bytes transferred. It prints figures; it never passes or fails.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser.ts';
import { serveBuiltSite } from '../support/site.ts';

const run = promisify(execFile);
const PAGES = process.env.LH_PAGES ? process.env.LH_PAGES.split(',') : ['', 'reports/miccaf/', 'briefs/miccaf-key-findings/', 'briefs/miccaf-key-findings/present/', 'findings/', 'findings/miccaf-household-income/', 'recommendations/', 'recommendations/theme/mental-health/', 'practices/', 'search/', 'about/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const server = await serveBuiltSite();
const out = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
console.log(`Lighthouse (mobile) ${new Date().toISOString().slice(0, 10)}, ${path.basename(chromiumPath())}; scores out of 100; bytes transferred on a first visit`);
console.log(['page', ...CATEGORIES, 'bytes'].map((c, i) => (i === 0 ? c.padEnd(46) : c.padStart(14))).join(''));
try {
  for (const lang of ['en', 'km']) {
    for (const p of PAGES) {
      const url = `${server.url}/${lang}/${p}`;
      const file = path.join(out, 'report.json');
      try {
        await run(
          process.execPath,
          [
            'node_modules/lighthouse/cli/index.js',
            url,
            '--quiet',
            '--output=json',
            `--output-path=${file}`,
            `--only-categories=${CATEGORIES.join(',')}`,
            `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
          ],
          { env: { ...process.env, CHROME_PATH: chromiumPath() }, maxBuffer: 64 * 1024 * 1024 },
        );
        const report = JSON.parse(readFileSync(file, 'utf8'));
        const scores = CATEGORIES.map((c) => String(Math.round((report.categories[c]?.score ?? 0) * 100)));
        const bytes = report.audits['total-byte-weight']?.numericValue ?? 0;
        console.log([`/${lang}/${p}`.padEnd(46), ...scores.map((s) => s.padStart(14)), String(Math.round(bytes)).padStart(14)].join(''));
        const failing = Object.values(report.audits as Record<string, { score: number | null; scoreDisplayMode: string; id: string; title: string }>)
          .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode))
          .map((a) => a.id);
        if (failing.length) console.log(`${''.padEnd(4)}below 100: ${failing.slice(0, 8).join(', ')}`);
      } catch (error) {
        console.log(`/${lang}/${p}`.padEnd(46) + `  Lighthouse failed: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
} finally {
  await server.close();
  rmSync(out, { recursive: true, force: true });
}
