/**
 * @font-face rules and font stacks from the site config. A device's own face comes first
 * (installed families in the stack, then local() in the rule); the self-hosted file from npm is the last resort,
 * and unicode-range keeps a page from fetching a face for characters it does not contain.
 */
import path from 'node:path';
import type { FontConfig, LocaleConfig } from '../config/site-config';

/** Public file name of a font file: its basename in the npm package. */
export function fontFileName(npmPath: string): string {
  return path.basename(npmPath);
}

export function fontFaceCss(font: FontConfig, urlFor: (fileName: string) => string): string {
  return Object.entries(font.files)
    .map(([weight, file]) => {
      const sources = [...font.local.map((name) => `local(${JSON.stringify(name)})`), `url(${JSON.stringify(urlFor(fontFileName(file)))}) format("woff2")`];
      return `@font-face{font-family:${JSON.stringify(font.family)};font-style:normal;font-weight:${weight};font-display:swap;src:${sources.join(',')};unicode-range:${font.unicodeRange}}`;
    })
    .join('');
}

const GENERIC_TAIL = ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', 'sans-serif'];

/** font-family value for a language: each configured font's installed families, then its self-hosted face. */
export function fontStack(locale: LocaleConfig, fonts: Record<string, FontConfig>): string {
  const families: string[] = [];
  for (const key of locale.fonts) {
    const font = fonts[key];
    families.push(...font.systemFamilies.map((f) => JSON.stringify(f)), JSON.stringify(font.family));
  }
  return [...families, ...GENERIC_TAIL].join(',');
}

/** Every font file the site serves: public name -> absolute path in node_modules. */
export function fontFiles(fonts: Record<string, FontConfig>, nodeModules: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const font of Object.values(fonts)) {
    for (const file of Object.values(font.files)) files.set(fontFileName(file), path.join(nodeModules, file));
  }
  return files;
}
