/**
 * The seeded synthetic corpus of the build benchmarks: reports of about 900 words in English and Khmer,
 * written from the sentences of the real content, with headings, a table, a chart and citations.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './random.ts';

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
// Khmer sentences with a Latin acronym (IOM, MoSVY) are left out: taken out of their page, the acronym
// would come before its spelled-out form, which the Khmer glossary rule of npm run check refuses.
const KM = [...sentences('content/reports/km', /(?<=។)\s*/), ...sentences('content/briefs/km', /(?<=។)\s*/)].filter((s) => !/[A-Z][A-Za-z]*[A-Z]/.test(s));
const CHARTS = readFileSync('data/charts.csv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
const THEMES = readFileSync('data/themes.csv', 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
const SOURCES = ['miccaf', 'khatlon', 'unicef', 'remittances', 'family-package'];

function paragraph(pool: string[], n: number, cite: boolean): string {
  const text = Array.from({ length: n }, () => pick(pool)).join(' ');
  return cite ? `${text} <Cite source="${pick(SOURCES)}" at="Section ${1 + Math.floor(rand() * 5)}" />` : text;
}

export function report(lang: 'en' | 'km', i: number): string {
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


/**
 * One very long report of about `bytes` bytes (the bad-input case of a single 5 MB report): the sections of
 * many synthetic reports one after another under one front matter, their headings numbered apart.
 */
export function hugeReport(lang: 'en' | 'km', bytes: number): string {
  const [, frontmatter] = report(lang, 0).split(/^---$/m);
  const parts = [`---${frontmatter.replace(/^title: .*$/m, `title: "${lang === 'en' ? 'A very long synthetic report' : 'របាយការណ៍សាកល្បងវែងណាស់'}"`)}---`];
  let size = parts[0].length;
  for (let i = 1; size < bytes; i++) {
    const body = report(lang, i).split(/^---$/m).slice(2).join('').replace(/^(#{2,3} .*)$/gm, `$1 (${i})`);
    parts.push(body);
    size += Buffer.byteLength(body);
  }
  return parts.join('\n');
}

/** The file name of the i-th synthetic report. */
export const reportName = (i: number) => `synthetic-${String(i).padStart(5, '0')}`;

/** The same report as plain Markdown for a site without our components (title kept, components removed). */
export function asMarkdown(mdx: string): string {
  const [, frontmatter, body] = mdx.split(/^---$/m);
  const title = /^title: (.*)$/m.exec(frontmatter)?.[1] ?? '';
  return `---\ntitle: ${title}\n---\n${body.replace(/<(Cite|Chart)\b[^>]*\/>/g, '')}`;
}
