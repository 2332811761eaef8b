/**
 * On the built site (dist/, or OUT_DIR): citation meta and JSON-LD on every page that has them, the BibTeX, RIS
 * and CSL-JSON downloads of every report, brief and source document parsed back, the feeds of each language
 * parsed and complete, and the data page, datapackage.json and zip in place. Reads files; no browser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { Ajv } from 'ajv';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import * as bibtexParser from '@retorquere/bibtex-parser';
import { unzipSync } from 'fflate';
import { DIST } from '../support/site.ts';
import { builtPages, readPage } from '../support/dist-pages.ts';
import { registries } from '../../src/lib/data/registries';
import { siteConfig } from '../../src/lib/config/site-config';

const config = siteConfig();
const langs = config.locales.map((l) => l.code);
const pages = builtPages();
const sources = registries().sources;
const entryPages = (kind: 'reports' | 'briefs', lang: string) => pages.filter((p) => new RegExp(`^/${lang}/${kind}/[^/]+/$`).test(p));
const head = (html: string) => html.slice(0, html.indexOf('</head>'));
const metas = (html: string, name: string) => [...head(html).matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => decode(m[1]));
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
type Ld = Record<string, unknown>;
function jsonLd(html: string): Ld[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return blocks.flatMap((b) => {
    expect(b).not.toMatch(/</);
    const data = JSON.parse(b);
    return Array.isArray(data) ? data : [data];
  });
}
const ofType = (lds: Ld[], type: string) => lds.filter((d) => d['@type'] === type);
const cslSchema = JSON.parse(readFileSync('tests/fixtures/schemas/csl-data.json', 'utf8'));
const validateCsl = new Ajv({ strict: false }).compile(cslSchema);

describe('report and brief pages', () => {
  it('exist in every language', () => {
    for (const lang of langs) {
      expect(entryPages('reports', lang).length).toBe(sources.length);
      expect(entryPages('briefs', lang).length).toBeGreaterThan(0);
    }
  });
  it.each(langs)('%s: carry citation_* meta tags and a Report based on its source document, with a breadcrumb trail', (lang) => {
    for (const kind of ['reports', 'briefs'] as const) {
      for (const p of entryPages(kind, lang)) {
        const html = readPage(p);
        const title = decode(/<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '');
        expect(metas(html, 'citation_title'), p).toEqual([title]);
        expect(metas(html, 'citation_author')[0], p).toBe(config.identity.organisation[lang]);
        expect(metas(html, 'citation_publication_date')[0], p).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
        expect(metas(html, 'citation_publisher')[0]).toBe(config.identity.organisation[lang]);
        expect(['en', ...langs]).toContain(metas(html, 'citation_language')[0]);
        const handout = path.join(DIST, 'handouts', lang, kind, `${p.split('/')[3]}.pdf`);
        // A PDF is named only when the build published one.
        expect(metas(html, 'citation_pdf_url').length, p).toBe(existsSync(handout) && html.includes(`/handouts/${lang}/${kind}/`) ? 1 : 0);
        const lds = jsonLd(html);
        const [report] = ofType(lds, 'Report');
        expect(report.name, p).toBe(title);
        expect(report.url).toBe(new URL(p, config.url).href);
        const basedOn = report.isBasedOn as Ld;
        expect(sources.map((s) => s.title), p).toContain(basedOn.name);
        const [crumbs] = ofType(lds, 'BreadcrumbList');
        const items = crumbs.itemListElement as Ld[];
        expect(items.map((i) => i.position)).toEqual([1, 2, 3]);
        expect(items[2].item).toBe(report.url);
      }
    }
  });
});

describe('pages that show data', () => {
  const chartPages = pages.filter((p) => /^\/\w+\/findings\/[^/]+\/$/.test(p));
  it('every chart page has a Dataset with downloads that exist, variables measured and a licence', () => {
    expect(chartPages.length).toBeGreaterThan(0);
    for (const p of chartPages) {
      const lds = jsonLd(readPage(p));
      const [dataset] = ofType(lds, 'Dataset');
      expect(dataset, p).toBeDefined();
      const distribution = dataset.distribution as Ld[];
      expect(distribution.length).toBeGreaterThan(0);
      for (const d of distribution) {
        expect(d.encodingFormat).toBe('text/csv');
        expect(existsSync(path.join(DIST, new URL(d.contentUrl as string).pathname)), `${p}: ${d.contentUrl}`).toBe(true);
      }
      expect((dataset.variableMeasured as Ld[]).length, p).toBeGreaterThan(0);
      expect((dataset.license as Ld).url).toMatch(/\/data\/#reuse$/);
      expect(ofType(lds, 'BreadcrumbList')).toHaveLength(1);
    }
  });
  it('the data page lists every findings CSV on disk as a Dataset, in both languages', () => {
    const files = readdirSync('data/findings').filter((f) => f.endsWith('.csv'));
    for (const lang of langs) {
      const html = readPage(`/${lang}/data/`);
      const [catalog] = ofType(jsonLd(html), 'DataCatalog');
      const names = (catalog.dataset as Ld[]).map((d) => d.name);
      for (const f of files) {
        expect(names).toContain(`findings/${f}`);
        expect(html).toContain(`href="${config.base.replace(/\/$/, '')}/data/findings/${f}"`);
      }
    }
  });
  it('every page links the data page from its footer', () => {
    for (const p of pages.filter((x) => langs.some((l) => x.startsWith(`/${l}/`)) && !x.includes('/embed/') && !x.endsWith('/present/'))) {
      const lang = p.split('/')[1];
      const footer = readPage(p).split('<footer')[1] ?? '';
      expect(footer, p).toContain(`href="${config.base.replace(/\/$/, '')}/${lang}/data/"`);
    }
  });
});

describe('citation downloads', () => {
  const files = readdirSync(path.join(DIST, 'cite'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  it('exist for every report, brief and source document, in three formats', () => {
    const pagesCount = langs.reduce((n, lang) => n + entryPages('reports', lang).length + entryPages('briefs', lang).length, 0);
    expect(files.length).toBe((pagesCount + sources.length) * 3);
  });
  it('every link in a "Cite this" block leads to one of them', () => {
    for (const p of pages.filter((x) => /\/(reports|briefs)\/[^/]+\/$/.test(x))) {
      const block = readPage(p).split('class="cite-block"')[1] ?? '';
      const links = [...block.matchAll(/href="([^"]*\/cite\/[^"]+)"/g)].map((m) => m[1]);
      expect(links.length, p).toBe(6);
      for (const l of links) expect(existsSync(path.join(DIST, l.slice(config.base.length - 1))), `${p}: ${l}`).toBe(true);
    }
  });
  it.each(['bib', 'ris', 'json'])('every .%s file parses back with title, author, language and type', (ext) => {
    for (const file of files.filter((f) => f.endsWith(`.${ext}`))) {
      const text = readFileSync(file, 'utf8');
      let item: Record<string, unknown>;
      if (ext === 'json') {
        const data = JSON.parse(text);
        expect(validateCsl(data), file).toBe(true);
        item = data[0];
      } else {
        if (ext === 'bib') {
          const parsed = bibtexParser.parse(text, { sentenceCase: false });
          expect(parsed.errors, file).toEqual([]);
          expect(parsed.entries).toHaveLength(1);
        }
        item = (new Cite(text, ext === 'ris' ? { forceType: '@ris/file' } : {}).data as Record<string, unknown>[])[0];
      }
      expect(item.title, file).toBeTruthy();
      expect((item.author as unknown[]).length, file).toBeGreaterThan(0);
      expect(['en', ...langs], file).toContain(item.language);
      expect(['report', 'chapter'], file).toContain(item.type);
      // A page of this site has its URL, date, abstract and publisher; a source document has what it prints.
      if (!file.includes(`${path.sep}sources${path.sep}`)) {
        expect(item.URL, file).toMatch(/^https?:\/\//);
        expect(item.issued, file).toBeDefined();
        expect(item.abstract, file).toBeTruthy();
        expect(item.publisher, file).toBeTruthy();
      }
    }
  });
  it('Khmer pages cite their Khmer titles in UTF-8', () => {
    const bib = readFileSync(path.join(DIST, 'cite/km/reports/miccaf.bib'), 'utf8');
    const title = decode(/<h1>([^<]*)<\/h1>/.exec(readPage('/km/reports/miccaf/'))![1]);
    expect(title).toMatch(/[\u1780-\u17FF]/);
    expect(bib).toContain(title);
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' });
  it.each(langs)('%s: every report and brief of the language is an item with title, link, date and guid', (lang) => {
    const xml = readFileSync(path.join(DIST, lang, 'feed.xml'), 'utf8');
    const feed = parser.parse(xml);
    const channel = feed.rss.channel;
    expect(channel.language).toBe(lang);
    const items = channel.item as Record<string, unknown>[];
    const expected = [...entryPages('reports', lang), ...entryPages('briefs', lang)].map((p) => new URL(p, config.url).href).sort();
    expect(items.map((i) => i.link).sort()).toEqual(expected);
    for (const item of items) {
      const page = readPage(new URL(item.link as string).pathname);
      expect(item.title).toBe(decode(/<h1>([^<]*)<\/h1>/.exec(page)![1]));
      expect(Number.isNaN(Date.parse(item.pubDate as string))).toBe(false);
      expect((item.guid as Record<string, string>)['#text']).toBe(item.link);
    }
  });
  it('the language chooser links the feed of every language', () => {
    for (const lang of langs) expect(head(readPage('/')), lang).toContain(`href="${new URL(`${config.base.replace(/\/$/, '')}/${lang}/feed.xml`, config.url).href}"`);
  });
  it('every page of a language links its feed from <head>', () => {
    for (const p of pages.filter((x) => langs.some((l) => x.startsWith(`/${l}/`)) && !x.includes('/embed/') && !x.endsWith('/present/'))) {
      const lang = p.split('/')[1];
      expect(head(readPage(p)), p).toContain(`<link rel="alternate" type="application/rss+xml" title=`);
      expect(head(readPage(p)), p).toContain(`href="${new URL(`${config.base.replace(/\/$/, '')}/${lang}/feed.xml`, config.url).href}"`);
    }
  });
});

describe('the data package as published', () => {
  it('datapackage.json names files that are all served, and the zip holds them', () => {
    const pkg = JSON.parse(readFileSync(path.join(DIST, 'data', 'datapackage.json'), 'utf8'));
    const zip = unzipSync(readFileSync(path.join(DIST, 'data', 'migration-families-data.zip')));
    for (const r of pkg.resources as { path: string }[]) {
      const served = readFileSync(path.join(DIST, 'data', r.path));
      expect(Buffer.from(zip[`migration-families-data/${r.path}`]).equals(served), r.path).toBe(true);
    }
  });
});
