/**
 * npm run bench:starlight -- --pages N
 * The reference of issue 7, rebuilt here so that it can be measured beside bench:build on the same
 * machine at the same time (this machine's speed drifts during a day): Astro Starlight with its
 * Pagefind search, on the same seeded synthetic reports as bench:build, as Markdown (Starlight has no
 * <Chart> or <Cite>), N per language. It installs Starlight from the npm registry into a temporary
 * folder, builds it cold and prints wall time, pages per second and peak memory. It never passes or fails.
 * Run it alternately with bench:build for a fair comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asMarkdown, report, reportName } from './corpus.ts';
import { measureRun } from './measure.ts';

const args = process.argv.slice(2);
const N = Number(args[args.indexOf('--pages') + 1] ?? 100);
if (!Number.isInteger(N) || N < 1) throw new Error('Usage: npm run bench:starlight -- --pages N');
// The reference is Starlight 0.42 on the Astro this project uses.
const STARLIGHT = process.env.STARLIGHT_VERSION ?? '0.42';
const ASTRO = JSON.parse(readFileSync('node_modules/astro/package.json', 'utf8')).version as string;

const work = mkdtempSync(path.join(tmpdir(), `bench-starlight-${N}-`));
try {
  writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'starlight-reference', private: true, type: 'module', dependencies: { astro: ASTRO, '@astrojs/starlight': STARLIGHT } }));
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: work, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`npm install of Starlight ${STARLIGHT} failed:\n${install.stderr.slice(-2000)}`);
  writeFileSync(
    path.join(work, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [starlight({ title: 'Reference', defaultLocale: 'en', locales: { en: { label: 'English' }, km: { label: 'ខ្មែរ', lang: 'km' } } })],
});
`,
  );
  mkdirSync(path.join(work, 'src'), { recursive: true });
  writeFileSync(
    path.join(work, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  let words = 0;
  for (const lang of ['en', 'km'] as const) {
    const dir = path.join(work, 'src', 'content', 'docs', lang);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.md'), `---\ntitle: ${lang}\n---\nReference corpus.\n`);
    for (let i = 1; i <= N; i++) {
      const markdown = asMarkdown(report(lang, i));
      if (lang === 'en' && i === 1) words = markdown.split(/^---$/m)[2].split(/\s+/).filter(Boolean).length;
      writeFileSync(path.join(dir, `${reportName(i)}.md`), markdown);
    }
  }
  const installed = JSON.parse(readFileSync(path.join(work, 'node_modules', '@astrojs', 'starlight', 'package.json'), 'utf8')).version;
  const { code, seconds, peakMb, log } = await measureRun(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: work, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (code !== 0) {
    console.log(log.slice(-3000));
    console.log(`build failed (exit ${code})`);
  } else {
    const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0);
    console.log(`bench:starlight ${new Date().toISOString().slice(0, 10)}, Starlight ${installed} on Astro ${ASTRO}, ${N} synthetic reports per language as Markdown (about ${words} words each)`);
    console.log(`  pages built:      ${pages} (with Starlight's Pagefind index)`);
    console.log(`  wall time:        ${seconds.toFixed(1)} s`);
    console.log(`  pages per second: ${(pages / seconds).toFixed(1)}`);
    console.log(`  peak memory:      ${peakMb.toFixed(0)} MB (proportional set size, build process and children)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
