/**
 * Site configuration: identity, languages, fonts and where content and data live.
 * Read once from JSON (default `src/config/site.json`, or the file named by SITE_CONFIG)
 * so that a new language or a fixture site needs no code change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Text given per language; a language without its own falls back to the default language's. */
const LocalizedTextSchema = z.record(z.string(), z.string().min(1));

export const FontSchema = z.object({
  /** CSS family name used for the self-hosted face. */
  family: z.string().min(1),
  /** Installed families tried before the self-hosted one, so devices that have a face never download it. */
  systemFamilies: z.array(z.string()).default([]),
  /**
   * Names for `local()` in @font-face, tried before the file: one list for every weight, or a list per
   * weight (a bold face has its own full name, e.g. "Noto Sans Bold").
   */
  local: z.union([z.array(z.string()), z.record(z.string().regex(/^\d{3}$/), z.array(z.string()))]).default([]),
  /**
   * System fonts (names in src/lib/fonts/fallback-metrics.json) that stand in while the file loads, each
   * scaled with size-adjust and given this font's ascent, descent and line gap, so that the swap moves
   * nothing. Only for scripts such common fonts have (Latin).
   */
  fallbacks: z.array(z.string()).default([]),
  /**
   * While a bold face loads, draw its text with the regular file (which the language's pages preload), made bold
   * by the browser: for a script no common system font covers (Khmer), that is far closer in width than boxes.
   */
  boldFromRegularWhileLoading: z.boolean().default(false),
  /** Only characters in this range make the browser fetch the file. */
  unicodeRange: z.string().min(1),
  /** Weight -> file path inside node_modules (a font package from npm). */
  files: z.record(z.string().regex(/^\d{3}$/), z.string().min(1)),
});
export type FontConfig = z.infer<typeof FontSchema>;

export const LocaleSchema = z.object({
  /** BCP 47 code; also the URL prefix (`/km/...`) and the content folder name. */
  code: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a BCP 47 language code such as "en" or "km"'),
  /** The language's name in itself, shown in the language switch. */
  name: z.string().min(1),
  /** UI dictionary, relative to the config file. */
  dictionary: z.string().min(1),
  /** Keys of `fonts` this language needs, in fallback order. */
  fonts: z.array(z.string()).min(1),
  /** Key of the font whose regular weight every page in this language preloads; default the last of `fonts` (the language's own script). */
  preloadFont: z.string().optional(),
  /** Digits for numbers and dates: "latn" (0-9) or the script's own, e.g. "khmr" (០-៩). */
  numberingSystem: z.string().default('latn'),
  /** Line height for running text; scripts with stacked vowels need more room. */
  lineHeight: z.number().min(1).max(3).default(1.6),
  /** Written without spaces between words (Khmer, Thai, Lao…): search segments its words. */
  segmentWords: z.boolean().default(false),
  /**
   * Search matches vowel signs and other marks exactly. Pagefind folds combining marks away by default,
   * which suits accents in Latin script but joins different words where vowels are marks: Khmer មាន
   * (have) would match មិន (not), មុន (before) and មនុស្ស (person).
   */
  exactMarks: z.boolean().default(false),
  /** Writing direction. */
  dir: z.enum(['ltr', 'rtl']).default('ltr'),
});
export type LocaleConfig = z.infer<typeof LocaleSchema>;

export const SiteConfigSchema = z
  .object({
    /** Public URL of the deployed site (canonical links, sitemap, QR codes). */
    url: z.url(),
    /** Base path when the site lives in a sub-folder of its host, e.g. "/research/". */
    base: z.string().startsWith('/').default('/'),
    identity: z.object({ title: LocalizedTextSchema, organisation: LocalizedTextSchema }),
    defaultLocale: z.string(),
    locales: z.array(LocaleSchema).min(1),
    fonts: z.record(z.string(), FontSchema),
    /** Folders, relative to the project root. */
    contentRoot: z.string().default('content'),
    dataRoot: z.string().default('data'),
  })
  .superRefine((config, ctx) => {
    const codes = config.locales.map((l) => l.code);
    if (!codes.includes(config.defaultLocale)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLocale'], message: `"${config.defaultLocale}" is not one of the locales (${codes.join(', ')})` });
    }
    for (const [i, locale] of config.locales.entries()) {
      for (const font of [...locale.fonts, ...(locale.preloadFont ? [locale.preloadFont] : [])]) {
        if (!config.fonts[font]) {
          ctx.addIssue({ code: 'custom', path: ['locales', i, 'fonts'], message: `font "${font}" is not defined under "fonts"` });
        }
      }
    }
    if (!config.identity.title[config.defaultLocale]) {
      ctx.addIssue({ code: 'custom', path: ['identity', 'title'], message: `needs a title for the default locale "${config.defaultLocale}"` });
    }
  });

export type SiteConfig = z.infer<typeof SiteConfigSchema> & {
  /** Absolute path of the config file, for error messages. */
  file: string;
  /** UI strings per locale code, loaded from each locale's dictionary. */
  dictionaries: Record<string, Record<string, string>>;
};

export const DEFAULT_CONFIG_FILE = 'src/config/site.json';

/** Reads, validates and resolves the site configuration. Environment overrides: SITE_CONFIG, SITE_URL, BASE_PATH, CONTENT_ROOT, DATA_ROOT. */
export function loadSiteConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): SiteConfig {
  const file = path.resolve(cwd, env.SITE_CONFIG || DEFAULT_CONFIG_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the site configuration ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = SiteConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(top level)'}: ${i.message}`).join('\n');
    throw new Error(`The site configuration ${file} is invalid:\n${problems}`);
  }
  const config = parsed.data;
  if (env.SITE_URL) config.url = env.SITE_URL;
  if (env.BASE_PATH) config.base = env.BASE_PATH;
  if (env.CONTENT_ROOT) config.contentRoot = env.CONTENT_ROOT;
  if (env.DATA_ROOT) config.dataRoot = env.DATA_ROOT;
  if (!config.base.endsWith('/')) config.base += '/';

  const dictionaries: Record<string, Record<string, string>> = {};
  for (const locale of config.locales) {
    const dictFile = path.resolve(path.dirname(file), locale.dictionary);
    try {
      dictionaries[locale.code] = JSON.parse(readFileSync(dictFile, 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read the UI dictionary for "${locale.code}" at ${dictFile} (named in ${file}): ${(error as Error).message}`, { cause: error });
    }
  }
  return { ...config, file, dictionaries };
}

let cached: SiteConfig | undefined;
/** The configuration of this build, read once. */
export function siteConfig(): SiteConfig {
  cached ??= loadSiteConfig();
  return cached;
}

/** Absolute path of a folder named relative to the project root in the config. */
export function projectPath(relative: string, cwd = process.cwd()): string {
  return path.resolve(cwd, relative);
}
