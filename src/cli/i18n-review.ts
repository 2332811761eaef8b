/**
 * npm run i18n:review -- <file or slug> [--lang en|km] [--out file.html]
 *   Writes the review view of one translation: a self-contained HTML file (default .review/<collection>-<slug>.<lang>.html,
 *   gitignored) with the original and the translation side by side, block by block, glossary terms marked and
 *   figures compared. <file> is either language's file (content/reports/km/khatlon.mdx), or "reports/khatlon",
 *   or a slug used by one collection only. --lang sets the language of the view's own words (default en).
 *
 * npm run i18n:review -- <file> --record --reviewer "Full Name"
 *   Records that this person reviewed the translation today: translation: reviewed, reviewedBy, reviewedOn and
 *   the hash of the English as it is now (reviewedHash, and sourceHash). Refused without a name, and while the
 *   translation has a variant the glossary avoids. Nothing else ever marks a translation reviewed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteConfig } from '../lib/config/site-config';
import { listContent, type ContentFile } from '../lib/check/content';
import { loadGlossary } from '../lib/check/glossary';
import { useLocale } from '../lib/i18n';
import { formatDate } from '../lib/i18n/format';
import { freshness } from '../lib/i18n/source-hash';
import { contentHashOf } from '../lib/i18n/translation-status';
import { buildReview } from '../lib/i18n/review-model';
import { renderReviewPage } from '../lib/i18n/review-html';
import { applyReviewRecord, describeReview, reviewerProblem, reviewOf, reviewState, today } from '../lib/i18n/review-record';
import { parseDocument } from 'yaml';

function fail(message: string): never {
  console.error(`i18n:review: ${message}`);
  process.exit(1);
}

const USAGE = 'usage: npm run i18n:review -- <content file or slug> [--lang en|km] [--out file.html]\n       npm run i18n:review -- <content file or slug> --record --reviewer "Full Name"';

interface Args {
  target?: string;
  lang?: string;
  out?: string;
  record: boolean;
  reviewer?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { record: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    if (a === '--record') args.record = true;
    else if (a === '--reviewer') args.reviewer = value();
    else if (a.startsWith('--reviewer=')) args.reviewer = a.slice('--reviewer='.length);
    else if (a === '--lang') args.lang = value();
    else if (a === '--out') args.out = value();
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}.\n${USAGE}`);
    else if (args.target) fail(`one file at a time (got "${args.target}" and "${a}").\n${USAGE}`);
    else args.target = a;
  }
  return args;
}

function frontmatter(source: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return m ? ((parseDocument(m[1]).toJS() ?? {}) as Record<string, unknown>) : {};
}

const args = parseArgs(process.argv.slice(2));
if (!args.target) fail(`name the translation to review.\n${USAGE}`);
const config = siteConfig();
const codes = config.locales.map((l) => l.code);
const others = codes.filter((c) => c !== config.defaultLocale);
const files = listContent(config.contentRoot);

// The file, "collection/slug" or slug, in either language.
const target = args.target;
const resolved = path.resolve(target);
let matches: ContentFile[] = files.filter((f) => path.resolve(f.file) === resolved);
if (!matches.length) {
  const [a, b] = target.replace(/\.mdx?$/, '').split('/');
  matches = b ? files.filter((f) => f.collection === a && f.slug === b) : files.filter((f) => f.slug === a);
  const collections = [...new Set(matches.map((f) => f.collection))];
  if (collections.length > 1) fail(`"${target}" is a slug in ${collections.join(' and ')}: write ${collections.map((c) => `${c}/${a}`).join(' or ')}.`);
}
if (!matches.length) fail(`no content file matches "${target}". Give a file such as content/reports/km/khatlon.mdx, or reports/khatlon.`);
const picked = matches[0];
const translationLang = matches.length === 1 && picked.lang !== config.defaultLocale ? picked.lang : others[0];
const original = files.find((f) => f.collection === picked.collection && f.slug === picked.slug && f.lang === config.defaultLocale);
const translation = files.find((f) => f.collection === picked.collection && f.slug === picked.slug && f.lang === translationLang);
const rel = (f: string) => path.relative(process.cwd(), f);
if (!original) fail(`${picked.collection}/${picked.slug} has no ${config.defaultLocale} original to compare with.`);
if (!translation) fail(`${picked.collection}/${picked.slug} has no ${translationLang} translation yet (content/${picked.collection}/${translationLang}/${picked.slug}.mdx).`);

const glossary = loadGlossary(config.dataRoot).entries;
const originalHash = contentHashOf(original);
const data = frontmatter(translation.source);
const record = reviewOf(data);
const state = reviewState(originalHash, data);
const model = buildReview({ file: rel(original.file), lang: original.lang, source: original.source }, { file: rel(translation.file), lang: translation.lang, source: translation.source }, glossary);

if (args.record) {
  const problem = reviewerProblem(args.reviewer);
  if (problem) fail(`not recorded: ${problem}`);
  if (model.totals.avoided) fail(`not recorded: ${rel(translation.file)} still has ${model.totals.avoided} variant(s) the glossary avoids (npm run check lists them). Correct them, then record the review.`);
  const on = today();
  const updated = applyReviewRecord(translation.source, { by: args.reviewer!, on, hash: originalHash });
  writeFileSync(translation.file, updated);
  console.log(`Recorded in ${rel(translation.file)}: translation: reviewed, reviewedBy: "${args.reviewer!.trim()}", reviewedOn: ${on}, reviewedHash (and sourceHash): "${originalHash}" (the ${original.lang} text of ${rel(original.file)} as it is now).`);
  if (record) console.log(`This replaces the earlier record (${describeReview(record, state)}).`);
  const open = model.totals.unpaired + model.totals.figureDifferences;
  if (open) console.log(`Note: the view listed ${model.totals.unpaired} block(s) without a counterpart and ${model.totals.figureDifferences} pair(s) whose figures differ; the record says you checked them.`);
  process.exit(0);
}

const uiLang = args.lang ?? config.defaultLocale;
if (!codes.includes(uiLang)) fail(`--lang must be one of ${codes.join(', ')}.`);
const kit = useLocale(uiLang);
const names = new Intl.DisplayNames(uiLang, { type: 'language' });
const faces: string[] = [];
const families: string[] = [];
for (const key of [...new Set(config.locales.flatMap((l) => l.fonts))]) {
  const font = config.fonts[key];
  if (!font) continue;
  const family = `Review ${key}`;
  families.push(`"${family}"`);
  for (const [weight, file] of Object.entries(font.files)) {
    const full = path.join('node_modules', file);
    if (!existsSync(full)) continue;
    faces.push(`@font-face { font-family: "${family}"; font-weight: ${weight}; font-display: block; unicode-range: ${font.unicodeRange}; src: url(data:font/woff2;base64,${readFileSync(full).toString('base64')}) format("woff2"); }`);
  }
}
faces.push(`body { font-family: ${[...families, 'system-ui', 'sans-serif'].join(', ')}; }`);

const html = renderReviewPage({
  model,
  uiLang,
  t: kit.t,
  languageName: (code) => names.of(code) ?? code,
  formatDate: (iso) => formatDate(new Date(`${iso}T00:00:00Z`), uiLang, { numberingSystem: kit.locale.numberingSystem }),
  glossary,
  status: {
    translation: typeof data.translation === 'string' ? data.translation : undefined,
    freshness: freshness(originalHash, { exists: true, recordedHash: data.sourceHash as string | undefined }),
    ...(record ? { review: { record, state } } : {}),
  },
  recordCommand: `npm run i18n:review -- ${rel(translation.file)} --record --reviewer "Full Name"`,
  generatedOn: today(),
  fontFaces: faces.join('\n'),
});
const out = path.resolve(args.out ?? path.join('.review', `${picked.collection}-${picked.slug}.${uiLang}.html`));
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, html);
const tot = model.totals;
console.log(`${rel(original.file)} ↔ ${rel(translation.file)}`);
console.log(`  ${tot.pairs} pairs, ${tot.unpaired} block(s) without a counterpart, ${tot.figureDifferences} pair(s) whose figures differ, ${tot.avoided} avoided glossary variant(s), ${tot.missingTerms} pair(s) where a glossary term may be missing.`);
console.log(`  translation: ${String(data.translation ?? '')}; ${record ? describeReview(record, state) : 'no review recorded'}.`);
if (state === 'stale') console.log(`  STALE REVIEW: the English changed after the review of ${record!.on}; review it again, then record it.`);
console.log(`Wrote ${rel(out)}\n  open ${pathToFileURL(out).href}`);
