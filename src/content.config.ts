/** Content collections: reports, briefs and pages, each with one folder per language under the content root. */
import { defineCollection } from 'astro:content';
import path from 'node:path';
import { siteConfig } from './lib/config/site-config';
import { registries } from './lib/data/registries';
import { makeEntrySchema, makePageSchema } from './lib/content/schema';
import { glob } from 'astro/loaders';

const { contentRoot } = siteConfig();
const reg = registries();
const entrySchema = makeEntrySchema({
  themes: reg.themes.map((t) => t.id),
  countries: reg.countries.map((c) => c.id),
  sources: reg.sources.map((s) => s.id),
});

/**
 * Entry ids are "{lang}/{slug}", taken from the folder and file name. The content store keeps no entry's text
 * (retainBody): the store is bundled into the build as one JavaScript string and parsed again when pages
 * render, so each body was held three or four times over, and no page reads one (MDX renders from its own
 * module; a translation's staleness is read from its original's file, collections.ts). At 2,000 reports a
 * language the store went from 43 MB to 1.8 MB, and the bundling phase's peak fell by about 400 MB.
 */
const loader = (collection: string) => glob({ pattern: '*/*.{md,mdx}', base: path.resolve(contentRoot, collection), retainBody: false });

export const collections = {
  reports: defineCollection({ loader: loader('reports'), schema: entrySchema }),
  briefs: defineCollection({ loader: loader('briefs'), schema: entrySchema }),
  pages: defineCollection({ loader: loader('pages'), schema: makePageSchema() }),
};
