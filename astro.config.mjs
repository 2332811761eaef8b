// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { loadSiteConfig } from './src/lib/config/site-config.ts';
import { checkChartsPlugin } from './src/lib/charts/mdast-check-charts.ts';
import { baseLinksPlugin } from './src/lib/content/mdast-base-links.ts';
import searchIndex from './src/integrations/search-index.ts';
import linkCheck from './src/integrations/link-check.ts';
import contentCheck from './src/integrations/content-check.ts';
import security from './src/integrations/security.ts';
import offlineSlides from './src/integrations/offline-slides.ts';
import { contentChunkName } from './src/lib/build/content-chunks.ts';

// Builds run offline: no telemetry.
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const site = loadSiteConfig();
const codes = site.locales.map((l) => l.code);

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  i18n: {
    locales: codes,
    defaultLocale: site.defaultLocale,
    // Every page lives under /{lang}/; "/" is our own language chooser, not a redirect.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // Astro's fast default processor, plus a check that every <Chart> names real data, and the base path
    // in front of the site paths content links to.
    processor: satteri({ mdastPlugins: [checkChartsPlugin, baseLinksPlugin(site.base)] }),
  },
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: site.defaultLocale, locales: Object.fromEntries(codes.map((c) => [c, c])) },
      filter: (page) => !page.includes('/fonts/'),
    }),
    linkCheck(),
    security(),
    searchIndex(),
    // After security(): each brief's one-file offline slides carry their own policy (fonts as data: URLs).
    offlineSlides(),
  ],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // One chunk per content collection and language, not one per entry (see content-chunks.ts).
        output: { codeSplitting: { groups: [{ name: contentChunkName }] } },
        // Astro's own MDX modules start with a "use astro:head-inject" directive that the bundler warns
        // about once per page (a thousand lines for a thousand reports); Astro handles it. Other warnings pass.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // A rebuild copies unchanged reports, briefs and slides from the last build (their cacheKey, see
  // src/lib/build/page-cache-key.ts) instead of rendering them again; the search indexer reads them from disk.
  experimental: { incrementalBuild: true },
  // A separate cache lets a second site (a test fixture, a benchmark corpus) build without sharing the content store.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
