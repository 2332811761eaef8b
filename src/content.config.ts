/** Content collections: reports, briefs and pages, each with one folder per language under the content root. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { siteConfig } from './lib/config/site-config';
import { registries } from './lib/data/registries';
import { makeEntrySchema, makePageSchema } from './lib/content/schema';

const { contentRoot } = siteConfig();
const reg = registries();
const entrySchema = makeEntrySchema({
  themes: reg.themes.map((t) => t.id),
  countries: reg.countries.map((c) => c.id),
  sources: reg.sources.map((s) => s.id),
});

/** Entry ids are "{lang}/{slug}", taken from the folder and file name. */
const loader = (collection: string) => glob({ pattern: '*/*.{md,mdx}', base: path.resolve(contentRoot, collection) });

export const collections = {
  reports: defineCollection({ loader: loader('reports'), schema: entrySchema }),
  briefs: defineCollection({ loader: loader('briefs'), schema: entrySchema }),
  pages: defineCollection({ loader: loader('pages'), schema: makePageSchema() }),
};
