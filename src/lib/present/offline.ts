/**
 * A brief's slides as one HTML file that works with no network, e.g. from a USB stick: the built slides page
 * with its style sheets, its script, its fonts (base64 WOFF2 inside @font-face) and its icon put inside it.
 * Charts and the QR code are inline SVG already; the QR code still encodes the brief's public address, and
 * every link points at the public site. A reference to anything else of the site fails the build, so the
 * file can make no request at all.
 */
import { createHash } from 'node:crypto';

export interface OfflineOptions {
  /** The site's public origin and base, e.g. "https://example.org/research/". */
  publicBase: string;
  /** The site's base path, e.g. "/" or "/research/". */
  base: string;
  /** The bytes of a file of the built site, by site path with the base ("/_astro/x.css"); undefined when there is none. */
  read: (sitePath: string) => Buffer | undefined;
  /** Where the page came from, for error messages. */
  where: string;
}

const TYPES: Record<string, string> = { css: 'text/css', js: 'text/javascript', woff2: 'font/woff2', woff: 'font/woff', svg: 'image/svg+xml', png: 'image/png' };

function dataUrl(sitePath: string, options: OfflineOptions): string {
  const bytes = options.read(sitePath.split(/[?#]/)[0]);
  if (!bytes) throw new Error(`${options.where}: the offline slides need ${sitePath}, which the build did not write.`);
  const ext = /\.(\w+)(?:[?#].*)?$/.exec(sitePath)?.[1] ?? '';
  return `data:${TYPES[ext] ?? 'application/octet-stream'};base64,${bytes.toString('base64')}`;
}

const text = (sitePath: string, options: OfflineOptions) => {
  const bytes = options.read(sitePath);
  if (!bytes) throw new Error(`${options.where}: the offline slides need ${sitePath}, which the build did not write.`);
  return bytes.toString('utf8');
};

/** url(...) of site files in CSS, as data: URLs. */
function inlineCssUrls(css: string, options: OfflineOptions): string {
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (m, _q, url: string) => (url.startsWith(options.base) ? `url("${dataUrl(url, options)}")` : m));
}

/** A script can sit inside <script> only without a "</script" in it. */
const safeScript = (js: string) => js.replace(/<\/script/gi, '<\\/script');

export function offlineSlidesHtml(html: string, options: OfflineOptions): string {
  const { base } = options;
  const escapedBase = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const absolute = (sitePath: string) => new URL(sitePath.slice(base.length), options.publicBase).href;
  let out = html
    // Things that only help online.
    .replace(/<link\b[^>]*\brel="preload"[^>]*>/g, '')
    .replace(/<a\b[^>]*\bdata-offline-drop\b[^>]*>[\s\S]*?<\/a>/g, '')
    // Style sheets and scripts inside the page.
    .replace(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g, (_, href: string) => `<style>${inlineCssUrls(text(href, options), options)}</style>`)
    .replace(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)><\/script>/g, (_, before: string, src: string, after: string) => {
      // Files the script names (the presenter's style sheet) become data: URLs too.
      const js = text(src, options).replace(new RegExp(`${escapedBase}_astro/[\\w.-]+`, 'g'), (p) => dataUrl(p, options));
      return `<script${before}${after}>${safeScript(js)}</script>`;
    })
    .replace(/<style\b([^>]*)>([\s\S]*?)<\/style>/g, (_, attrs: string, css: string) => `<style${attrs}>${inlineCssUrls(css, options)}</style>`)
    .replace(/<link\b([^>]*)\brel="icon"([^>]*)\bhref="([^"]+)"/g, (m, a: string, b: string, href: string) => (href.startsWith('data:') ? m : `<link${a}rel="icon"${b}href="${dataUrl(href, options)}"`))
    // Links and the address Esc goes to: the public site.
    .replace(/\b(href|data-brief)="([^"]*)"/g, (m, attr: string, value: string) => (value.startsWith(base) && !value.startsWith('//') ? `${attr}="${absolute(value)}"` : m));
  out = withOfflinePolicy(out);
  const left = /\b(?:src|href|srcset|poster|data)="(\/[^"]*)"|url\(\s*["']?(\/[^"')]*)/.exec(out);
  if (left) throw new Error(`${options.where}: the offline slides still refer to ${left[1] ?? left[2]}, which would need the network. Put it inside the file in src/lib/present/offline.ts.`);
  return out;
}

/**
 * The offline file's Content-Security-Policy: nothing from any address; only its own inline script (by
 * hash), its inline styles and the fonts, icon and presenter's style sheet it carries as data: URLs.
 * Replaces any policy the page had (the site's allows fonts from the site only, which a file has none of).
 */
export function withOfflinePolicy(html: string): string {
  const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  const policy = [
    "default-src 'none'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'unsafe-inline' data:",
    'img-src data:',
    'font-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');
  return cleaned.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}${meta}`);
}
