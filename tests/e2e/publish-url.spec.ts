/**
 * The public address: a build for publication refuses the placeholder URL and contact address before Astro
 * starts, a relative URL fails with the setting named, and a production build with real addresses puts the
 * configured URL in every canonical link, QR code, share and embed code, citation and the footer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/lib/present/qr';

const work = mkdtempSync(path.join(tmpdir(), 'publish-url-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** npm run build with the project's config, as a deployer would run it; none of the overrides leak in from the test's environment. */
function build(args: string[], env: Record<string, string>, out = path.join(work, 'site')) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['SITE_URL', 'SITE_ENV', 'PUBLISHER_EMAIL', 'FEEDBACK_URL', 'SITE_CONFIG', 'BASE_PATH', 'CONTENT_ROOT', 'DATA_ROOT'].includes(k)));
  const started = Date.now();
  const result = spawnSync(process.execPath, ['src/cli/build.ts', ...args], {
    env: { ...clean, OUT_DIR: out, ASTRO_CACHE_DIR: path.join(work, 'cache'), ...env },
    encoding: 'utf8',
  });
  return { ...result, output: result.stdout + result.stderr, seconds: (Date.now() - started) / 1000 };
}

describe('a build for publication', () => {
  it('fails at once, naming the placeholder URL and contact address, with --production or SITE_ENV=production', () => {
    for (const [args, env] of [[['--production'], {}], [[], { SITE_ENV: 'production' }]] as const) {
      const out = path.join(work, 'refused');
      const result = build([...args], env, out);
      expect(result.status, result.output).toBe(1);
      expect(result.stderr).toMatch(/A production build \(SITE_ENV=production or npm run build -- --production\) cannot use placeholders:/);
      expect(result.stderr).toMatch(/the public URL is the placeholder https:\/\/migration-families\.example\.org \("url" in src\/config\/site\.json\): set SITE_URL=/);
      expect(result.stderr).toMatch(/the contact address is the placeholder contact@migration-families\.example\.org/);
      expect(result.stderr).toMatch(/The build did not start/);
      // Before Astro: no pages were rendered and nothing was written.
      expect(result.output).not.toMatch(/\[build\]/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('fails on a SITE_URL that is not absolute, saying what to write', () => {
    const result = build([], { SITE_URL: 'evidence.org' }, path.join(work, 'relative'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/SITE_URL is "evidence\.org", which is not an absolute address\. Write the full public address of the site with its scheme, e\.g\. "https:\/\/research\.your-domain\.org"/);
    expect(result.output).not.toMatch(/\[build\]/);
  });

  it('warns while an ordinary build has the placeholder', () => {
    // Only the warning is checked here (the full build below is the one this file pays for): --help stops Astro at once.
    const result = build(['--help'], {}, path.join(work, 'help'));
    expect(result.stderr).toMatch(/Warning: this build is not ready to publish:\n {2}- the public URL is the placeholder/);
  });

  describe('with a real address', () => {
    const url = 'https://evidence-site.org';
    const out = path.join(work, 'site');
    let result: ReturnType<typeof build>;
    const page = (p: string) => readFileSync(path.join(out, p, 'index.html'), 'utf8');

    it('builds with --production', { timeout: 240_000 }, () => {
      result = build(['--production'], { SITE_URL: url, PUBLISHER_EMAIL: 'team@evidence-site.org' }, out);
      expect(result.status, result.output).toBe(0);
      expect(result.output).not.toMatch(/not ready to publish/);
    });

    it('leaves the placeholder host nowhere in the site', () => {
      const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(html|xml|txt|json|csv|js|webmanifest)$/.test(e.name));
      expect(files.length).toBeGreaterThan(50);
      for (const f of files) expect(readFileSync(path.join(f.parentPath, f.name), 'utf8'), f.name).not.toContain('example.org');
    });

    it('uses the configured URL in canonical links, citations, the sitemap and the footer', () => {
      const report = page('en/reports/miccaf');
      expect(report).toContain(`<link rel="canonical" href="${url}/en/reports/miccaf/">`);
      expect(report).toMatch(new RegExp(`hreflang="km" href="${url}/km/reports/miccaf/"`));
      expect(report).toMatch(new RegExp(`class="cite-block"[\\s\\S]*${url}/en/reports/miccaf/`));
      expect(report).toContain('href="mailto:team@evidence-site.org"');
      expect(page('km/reports/miccaf')).toContain('href="mailto:team@evidence-site.org"');
      expect(readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8')).toContain(`<loc>${url}/en/reports/miccaf/</loc>`);
    });

    it('uses it in share and embed codes', () => {
      const chartDir = 'miccaf-household-income';
      const html = page(`en/findings/${chartDir}`);
      expect(html).toMatch(new RegExp(`id="share-link"[^>]*value="${url}/en/findings/${chartDir}/"`));
      expect(html).toContain(`&lt;iframe src=&quot;${url}/en/embed/${chartDir}/&quot;`);
    });

    it('encodes it in the QR codes of the handout and the slides', async () => {
      const path_ = (svg: string) => /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg)?.[1];
      const expected = path_(await qrSvg(`${url}/km/briefs/miccaf-key-findings/`));
      expect(expected).toBeTruthy();
      expect(page('km/briefs/miccaf-key-findings')).toContain(expected!);
      expect(page('km/briefs/miccaf-key-findings/present')).toContain(expected!);
    });
  });
});
