/**
 * npm run pdf — writes an A4 PDF of every brief (a handout meant to fit on two pages) and every report, in every
 * language, with headless Chromium (Debian's chromium) from the built site (dist/, or OUT_DIR).
 *
 * The PDFs go to handouts/{lang}/{briefs|reports}/{slug}.pdf (HANDOUTS_DIR to change it), outside the build's
 * output so that a rebuild keeps them, and are copied into the built site at the same path under handouts/.
 * The next `npm run build` publishes them and links each from its page (src/lib/cite/handouts.ts).
 *
 * Arguments limit the run to some pages: `npm run pdf -- en/reports/miccaf km/briefs` (a prefix of the path).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveBuiltSite, DIST } from '../../tests/support/site.ts';
import { handoutPath, handoutsDir } from '../lib/cite/handout-files.ts';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const wanted = (rel: string) => only.length === 0 || only.some((prefix) => rel.startsWith(prefix));
const outRoot = handoutsDir();

const server = await serveBuiltSite();
const browser = await launchBrowser();
let written = 0;
try {
  for (const lang of readdirSync(DIST).filter((d) => /^[a-z]{2,3}$/.test(d))) {
    for (const kind of ['brief', 'report'] as const) {
      const dir = path.join(DIST, lang, `${kind}s`);
      if (!existsSync(dir)) continue;
      for (const slug of readdirSync(dir).filter((s) => existsSync(path.join(dir, s, 'index.html'))).sort()) {
        const rel = handoutPath(lang, kind, slug);
        if (!wanted(rel)) continue;
        const page = await browser.newPage();
        await page.goto(`${server.url}/${lang}/${kind}s/${slug}/`, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        await page.emulateMedia({ media: 'print' });
        const file = path.join(outRoot, rel);
        mkdirSync(path.dirname(file), { recursive: true });
        const pdf = await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
        await page.close();
        const copy = path.join(DIST, 'handouts', rel);
        mkdirSync(path.dirname(copy), { recursive: true });
        copyFileSync(file, copy);
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        const warn = kind === 'brief' && pages > 2 ? '  (more than two: shorten the brief)' : '';
        console.log(`${path.relative(process.cwd(), file)}  ${pages} page(s), ${Math.round(pdf.length / 1024)} KB${warn}`);
        written++;
      }
    }
  }
  console.log(
    `${written} PDF(s) written to ${path.relative(process.cwd(), outRoot) || outRoot}/ and copied into ${path.relative(process.cwd(), DIST) || DIST}/handouts/.` +
      (written ? ' Build again (npm run build) so that report and brief pages link them and name them in citation_pdf_url.' : ''),
  );
} finally {
  await browser.close();
  await server.close();
}
