/**
 * PDFs of reports and briefs: npm run pdf writes a report's PDF from the built site, and a build that finds it
 * publishes it at /handouts/… and links it from that page only (with citation_pdf_url); pages without a PDF
 * link none. Builds one fixture site (about a minute).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../support/site.ts';
import { builtPages, readPage } from '../support/dist-pages.ts';
import { siteConfig } from '../../src/lib/config/site-config';

const work = mkdtempSync(path.join(tmpdir(), 'handouts-'));
const handouts = path.join(work, 'handouts');
const out = path.join(work, 'site');
let pdfLog = '';

beforeAll(() => {
  const run = spawnSync(process.execPath, ['src/cli/pdf.ts', 'en/reports/miccaf'], { env: { ...process.env, HANDOUTS_DIR: handouts }, encoding: 'utf8' });
  pdfLog = run.stdout + run.stderr;
  if (run.status !== 0) throw new Error(pdfLog);
  buildFixtureSite(out, path.join(work, 'cache'), { HANDOUTS_DIR: handouts });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run pdf', () => {
  it('writes a report as an A4 PDF of several pages', () => {
    const file = path.join(handouts, 'en', 'reports', 'miccaf.pdf');
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    expect(pdfLog).toMatch(/en\/reports\/miccaf\.pdf\s+\d+ page\(s\)/);
  });
});

describe('a build that finds the PDF', () => {
  const base = siteConfig().base.replace(/\/$/, '');
  const href = `${base}/handouts/en/reports/miccaf.pdf`;
  it('publishes it byte for byte', () => {
    expect(readFileSync(path.join(out, 'handouts', 'en', 'reports', 'miccaf.pdf')).equals(readFileSync(path.join(handouts, 'en', 'reports', 'miccaf.pdf')))).toBe(true);
  });
  it('links it from the report page, and names it in citation_pdf_url and the JSON-LD', () => {
    const html = readPage('/en/reports/miccaf/', out);
    expect(html).toContain(`href="${href}"`);
    expect(html).toContain(`<meta name="citation_pdf_url" content="${new URL(href, siteConfig().url).href}"`);
    expect(html).toContain(`"contentUrl":"${new URL(href, siteConfig().url).href}"`);
  });
  it('links no PDF from any page that has none', () => {
    const others = builtPages(out).filter((p) => p !== '/en/reports/miccaf/');
    expect(others.length).toBeGreaterThan(50);
    for (const p of others) {
      const html = readPage(p, out);
      expect(html, p).not.toContain('citation_pdf_url');
      expect(html, p).not.toMatch(/href="[^"]*\/handouts\//);
    }
    expect(existsSync(path.join(out, 'handouts', 'km'))).toBe(false);
  });
});
