/**
 * Checks of the content files without a build: frontmatter (missing, mistyped or unknown fields, themes,
 * countries, dates), duplicate slugs, missing twins in another language, internal links to pages that do
 * not exist, images without alt text, and charts naming missing data. Every problem has its file and line.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { makeEntrySchema, makePageSchema, type SchemaRegistries } from '../content/schema';
import { checkChartsInTree, type Node } from '../charts/check-chart-nodes';
import type { Problem } from './problems';

export const COLLECTIONS = ['reports', 'briefs', 'pages'] as const;

export interface ContentFile {
  collection: (typeof COLLECTIONS)[number];
  lang: string;
  slug: string;
  file: string;
  source: string;
  /** Line (1-based) where the body starts. */
  bodyLine: number;
}

/** Every .md/.mdx file under content/{collection}/{lang}/. */
export function listContent(contentRoot: string): ContentFile[] {
  const files: ContentFile[] = [];
  for (const collection of COLLECTIONS) {
    const dir = path.join(contentRoot, collection);
    if (!existsSync(dir)) continue;
    for (const lang of readdirSync(dir)) {
      const langDir = path.join(dir, lang);
      let names: string[];
      try {
        names = readdirSync(langDir);
      } catch {
        continue;
      }
      for (const name of names.filter((n) => /\.mdx?$/.test(n))) {
        const file = path.join(langDir, name);
        const source = readFileSync(file, 'utf8');
        const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source);
        files.push({ collection, lang, slug: name.replace(/\.mdx?$/, ''), file, source, bodyLine: fm ? fm[0].split('\n').length : 1 });
      }
    }
  }
  return files;
}

function lineOfKey(frontmatter: string, key: string | number | undefined): number {
  if (typeof key !== 'string') return 2;
  const index = frontmatter.split('\n').findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
  return index >= 0 ? index + 2 : 2;
}

export interface ContentCheckInput {
  contentRoot: string;
  locales: readonly string[];
  defaultLocale: string;
  registries: SchemaRegistries;
  /** Site paths that exist, for internal links (e.g. "/en/reports/miccaf/"). */
  routeExists: (sitePath: string) => boolean;
}

export function checkContent(input: ContentCheckInput, files = listContent(input.contentRoot)): Problem[] {
  const problems: Problem[] = [];
  const rel = (f: string) => path.relative(process.cwd(), f);
  const entrySchema = makeEntrySchema(input.registries);
  const pageSchema = makePageSchema();

  for (const f of files) {
    const where = (line: number) => `${rel(f.file)}:${line}`;
    if (!input.locales.includes(f.lang)) {
      problems.push({ severity: 'error', where: where(1), message: `"${f.lang}" is not a configured language; move the file into one of ${input.locales.map((l) => `content/${f.collection}/${l}/`).join(', ')}.` });
      continue;
    }
    const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(f.source);
    if (!fm) {
      problems.push({ severity: 'error', where: where(1), message: 'no frontmatter: the file must start with a --- block (see README, "Add a report or a brief").' });
      continue;
    }
    const doc = parseDocument(fm[1]);
    if (doc.errors.length) {
      for (const e of doc.errors) problems.push({ severity: 'error', where: where((e.linePos?.[0].line ?? 0) + 1), message: `the frontmatter is not valid YAML: ${e.message.split('\n')[0]}` });
      continue;
    }
    const schema: z.ZodType = f.collection === 'pages' ? pageSchema : entrySchema;
    const result = schema.safeParse(doc.toJS());
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join('.') || '(frontmatter)';
        const unknown = issue.code === 'unrecognized_keys' ? ` (${(issue as { keys: string[] }).keys.join(', ')})` : '';
        const key = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys[0] : issue.path[0];
        problems.push({ severity: 'error', where: where(lineOfKey(fm[1], key as string)), message: `${field}: ${issue.message}${unknown}` });
      }
    }
    problems.push(...checkBody(f, input.routeExists).map((p) => ({ ...p, where: `${rel(f.file)}:${p.where}` })));
  }

  // The same slug twice in one folder (x.md and x.mdx).
  const seen = new Map<string, string>();
  for (const f of files) {
    const key = `${f.collection}/${f.lang}/${f.slug}`;
    if (seen.has(key)) problems.push({ severity: 'error', where: `${rel(f.file)}:1`, message: `the slug "${f.slug}" is already used by ${seen.get(key)}; rename one of them.` });
    seen.set(key, rel(f.file));
  }

  // A page in one language without its twin: allowed (readers see the fallback), but listed.
  for (const collection of COLLECTIONS) {
    const slugs = new Set(files.filter((f) => f.collection === collection).map((f) => f.slug));
    for (const slug of slugs) {
      const have = files.filter((f) => f.collection === collection && f.slug === slug).map((f) => f.lang);
      for (const lang of input.locales.filter((l) => !have.includes(l))) {
        const from = files.find((f) => f.collection === collection && f.slug === slug)!;
        problems.push({
          severity: 'warning',
          where: `${rel(from.file)}:1`,
          message: `no ${lang} twin (content/${collection}/${lang}/${slug}.mdx): readers of /${lang}/ see the ${from.lang} text with a notice. Add the translation when it is ready.`,
        });
      }
    }
  }
  return problems;
}

const LINK = /\]\((\/[^)\s#]*)(#[^)\s]*)?\)|href="(\/[^"#]*)(#[^"]*)?"/g;
const MD_IMAGE = /!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g;
const HTML_IMAGE = /<img\b[^>]*>/g;
const CHART = /<Chart\b([^>]*?)\/?>/g;

/** Problems in the body of one file; `where` is the line number. */
export function checkBody(f: Pick<ContentFile, 'source' | 'bodyLine'>, routeExists: (p: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  const lines = f.source.split('\n');
  lines.forEach((line, i) => {
    if (i < f.bodyLine - 1) return;
    const n = String(i + 1);
    for (const m of line.matchAll(LINK)) {
      const target = m[1] ?? m[3];
      if (!routeExists(target)) problems.push({ severity: 'error', where: n, message: `links to ${target}, which is not a page of the site. Check the path (pages end with a slash, e.g. /en/reports/miccaf/).` });
    }
    for (const m of line.matchAll(MD_IMAGE)) {
      if (!m[1].trim()) problems.push({ severity: 'error', where: n, message: `the image ${m[2]} has no alt text. Write what it shows between the brackets: ![what it shows](${m[2]}).` });
    }
    for (const m of line.matchAll(HTML_IMAGE)) {
      if (!/\balt="[^"]+"/.test(m[0])) problems.push({ severity: 'error', where: n, message: `an <img> has no alt text. Add alt="what it shows".` });
    }
    for (const m of line.matchAll(CHART)) {
      const attributes = [...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => ({ type: 'mdxJsxAttribute', name: a[1], value: a[2] }));
      const node: Node = { type: 'mdxJsxFlowElement', name: 'Chart', attributes, position: { start: { line: i + 1, column: 1 } } };
      let found: string[] = [];
      try {
        found = checkChartsInTree(node, 'file');
      } catch {
        // The data itself is broken; those problems are reported on their own.
      }
      for (const text of found) problems.push({ severity: 'error', where: n, message: text.replace(/^file:\d+: /, '') });
    }
  });
  return problems;
}
