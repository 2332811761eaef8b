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
  /**
   * The device's own families, tried first as local() sources of the self-hosted face (a bold face as
   * "<family> Bold"), so devices that have one never download the file. Not in the font stack: see font-faces.ts.
   */
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

/**
 * Who publishes the site, shown in every page's footer. Placeholders until a publisher is named: a
 * production build refuses an address at a reserved example domain (see placeholderSettings).
 */
export const PublisherSchema = z.object({
  /** The publisher's name per language; default identity.organisation. */
  name: LocalizedTextSchema.optional(),
  /** An address readers can write to. */
  email: z.email('an e-mail address such as "contact@your-domain.org"'),
  /** Where readers send feedback: a web page (https://…) or a mailto: link; default a mailto: link to `email`. */
  feedback: z
    .string()
    .regex(/^(https?:\/\/|mailto:)\S+$/, 'an absolute https:// address or a mailto: link')
    .optional(),
});
export type PublisherConfig = z.infer<typeof PublisherSchema>;

export const SiteConfigSchema = z
  .object({
    /**
     * Public URL of the deployed site: canonical links, the sitemap, QR codes, share and embed codes and
     * citations. An absolute http(s) address, the origin only or ending in `base` (checked by publicUrlProblem).
     * SITE_URL overrides it.
     */
    url: z.string().min(1),
    /** Base path when the site lives in a sub-folder of its host, e.g. "/research/". */
    base: z.string().startsWith('/').default('/'),
    identity: z.object({ title: LocalizedTextSchema, organisation: LocalizedTextSchema }),
    /** Who publishes the site and how to reach them (footer). Required for a production build. */
    publisher: PublisherSchema.optional(),
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

export type SiteConfig = Omit<z.infer<typeof SiteConfigSchema>, 'publisher'> & {
  /** The publisher, with name and feedback resolved to their defaults; no email or feedback when none is configured. */
  publisher: { name: Record<string, string>; email?: string; feedback?: string };
  /** Absolute path of the config file, for error messages. */
  file: string;
  /** UI strings per locale code, loaded from each locale's dictionary. */
  dictionaries: Record<string, Record<string, string>>;
};

export const DEFAULT_CONFIG_FILE = 'src/config/site.json';

/** Host names reserved for examples and tests (RFC 2606, RFC 6761): never a published site's. */
export function isPlaceholderHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/.test(host);
}

/**
 * What is wrong with a configured public URL, or undefined when it is usable. `setting` names where the value
 * came from (`"url" in src/config/site.json` or `SITE_URL`) so the message says what to change.
 */
export function publicUrlProblem(value: string, base: string, setting: string): string | undefined {
  const fix = `Write the full public address of the site with its scheme, e.g. "https://research.your-domain.org"; a sub-folder goes in "base" (BASE_PATH), e.g. "/research/".`;
  let url: URL;
  try {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new Error('no scheme');
    url = new URL(value);
  } catch {
    return `${setting} is "${value}", which is not an absolute address. ${fix}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${setting} is "${value}": the address must start with https:// (or http://). ${fix}`;
  if (url.username || url.password || url.search || url.hash) return `${setting} is "${value}": the address must not contain a user name, a query (?…) or a fragment (#…). ${fix}`;
  const pathname = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const basePath = base.endsWith('/') ? base : `${base}/`;
  if (pathname !== '/' && pathname !== basePath) {
    return `${setting} is "${value}", whose path "${url.pathname}" is not the base path "${basePath}". Write only the origin ("${url.origin}") and put the path in "base" (or BASE_PATH): "${pathname}".`;
  }
  return undefined;
}

/** A build for publication: `npm run build -- --production` sets this, or a deployer sets SITE_ENV=production. */
export function isProductionBuild(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SITE_ENV === 'production';
}

/**
 * The settings that still hold a placeholder (an address at a reserved example domain), each as a line
 * saying where it is set and what to write. Empty when the site can be published.
 */
export function placeholderSettings(config: Pick<SiteConfig, 'url' | 'publisher' | 'file'>, env: NodeJS.ProcessEnv = process.env): string[] {
  const file = path.relative(process.cwd(), config.file) || config.file;
  const found: string[] = [];
  if (isPlaceholderHost(new URL(config.url).hostname)) {
    found.push(`the public URL is the placeholder ${config.url} (${env.SITE_URL ? 'SITE_URL' : `"url" in ${file}`}): set SITE_URL=https://your-domain.org or edit "url"`);
  }
  const email = config.publisher.email;
  if (!email) {
    found.push(`no contact address is configured: add "publisher": { "email": "someone@your-domain.org" } to ${file}, or set PUBLISHER_EMAIL`);
  } else if (isPlaceholderHost(email.slice(email.lastIndexOf('@') + 1))) {
    found.push(`the contact address is the placeholder ${email} (${env.PUBLISHER_EMAIL ? 'PUBLISHER_EMAIL' : `"publisher.email" in ${file}`}): set PUBLISHER_EMAIL=someone@your-domain.org or edit "publisher.email"`);
  }
  const feedback = config.publisher.feedback;
  if (feedback && feedback !== `mailto:${email}`) {
    const host = feedback.startsWith('mailto:') ? feedback.slice(feedback.indexOf('@') + 1).split('?')[0] : new URL(feedback).hostname;
    if (isPlaceholderHost(host)) {
      found.push(`the feedback link is the placeholder ${feedback} (${env.FEEDBACK_URL ? 'FEEDBACK_URL' : `"publisher.feedback" in ${file}`}): set FEEDBACK_URL (a https:// page or a mailto: link) or edit "publisher.feedback"`);
    }
  }
  return found;
}

/** Throws, naming every placeholder setting, unless the configuration can be published. */
export function assertPublishable(config: Pick<SiteConfig, 'url' | 'publisher' | 'file'>, env: NodeJS.ProcessEnv = process.env): void {
  const found = placeholderSettings(config, env);
  if (found.length) {
    throw new Error(
      `A production build (SITE_ENV=production or npm run build -- --production) cannot use placeholders:\n${found.map((f) => `  - ${f}`).join('\n')}\nEvery page's canonical link, QR code, share and embed code, citation and footer would point there.`,
    );
  }
}

/**
 * Reads, validates and resolves the site configuration. Environment overrides: SITE_CONFIG, SITE_URL, BASE_PATH,
 * CONTENT_ROOT, DATA_ROOT, PUBLISHER_EMAIL, FEEDBACK_URL. With SITE_ENV=production it also refuses placeholders.
 */
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
  if (env.SITE_URL) config.url = env.SITE_URL.trim();
  if (env.BASE_PATH) config.base = env.BASE_PATH;
  if (env.CONTENT_ROOT) config.contentRoot = env.CONTENT_ROOT;
  if (env.DATA_ROOT) config.dataRoot = env.DATA_ROOT;
  const publisher: Partial<PublisherConfig> = { ...config.publisher };
  if (env.PUBLISHER_EMAIL) publisher.email = env.PUBLISHER_EMAIL.trim();
  if (env.FEEDBACK_URL) publisher.feedback = env.FEEDBACK_URL.trim();
  if (!config.base.endsWith('/')) config.base += '/';
  const overrides = [
    publicUrlProblem(config.url, config.base, env.SITE_URL ? 'SITE_URL' : `"url" in ${path.relative(cwd, file) || file}`),
    env.PUBLISHER_EMAIL && !z.email().safeParse(publisher.email).success ? `PUBLISHER_EMAIL is "${publisher.email}", which is not an e-mail address such as "contact@your-domain.org".` : undefined,
    env.FEEDBACK_URL && !PublisherSchema.shape.feedback.safeParse(publisher.feedback).success ? `FEEDBACK_URL is "${publisher.feedback}": write an absolute https:// address or a mailto: link.` : undefined,
  ].filter(Boolean);
  if (overrides.length) throw new Error(`The site configuration is invalid:\n${overrides.map((p) => `  - ${p}`).join('\n')}`);

  const dictionaries: Record<string, Record<string, string>> = {};
  for (const locale of config.locales) {
    const dictFile = path.resolve(path.dirname(file), locale.dictionary);
    try {
      dictionaries[locale.code] = JSON.parse(readFileSync(dictFile, 'utf8'));
    } catch (error) {
      throw new Error(`Cannot read the UI dictionary for "${locale.code}" at ${dictFile} (named in ${file}): ${(error as Error).message}`, { cause: error });
    }
  }
  const resolved: SiteConfig = {
    ...config,
    publisher: {
      name: publisher.name ?? config.identity.organisation,
      email: publisher.email,
      feedback: publisher.feedback ?? (publisher.email ? `mailto:${publisher.email}` : undefined),
    },
    file,
    dictionaries,
  };
  if (isProductionBuild(env)) assertPublishable(resolved, env);
  return resolved;
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
