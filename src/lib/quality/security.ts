/**
 * Security of the built HTML: a Content-Security-Policy that allows no inline script except the exact
 * ones a page has (by hash), and rel="noopener" on every link that leaves the site.
 */
import { createHash } from 'node:crypto';

// Data blocks (<script type="application/ld+json"> and other JSON) are never run, so the policy needs no hash for them.
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)(?![^>]*\btype=["']?application\/(?:ld\+)?json)[^>]*>([\s\S]*?)<\/script>/g;

export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}

/** The policy for a page; frame-ancestors cannot be set from a meta tag, so the headers file carries it. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    // Pagefind's search runs as WebAssembly.
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.length ? ' ' + [...new Set(scriptHashes)].join(' ') : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Adds the CSP meta tag right after <meta charset>, so it applies before any script. */
export function withCspMeta(html: string): string {
  const policy = contentSecurityPolicy(inlineScriptHashes(html));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  return html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}${meta}`);
}

/** rel="noopener noreferrer" on links to other sites (kept as they are when already set). */
export function withSafeExternalLinks(html: string, siteOrigin: string): string {
  return html.replace(/<a\b[^>]*\bhref="(https?:\/\/[^"]+)"[^>]*>/g, (tag, href: string) => {
    if (new URL(href).origin === siteOrigin) return tag;
    const rel = /\brel="([^"]*)"/.exec(tag);
    if (!rel) return tag.replace(/^<a\b/, '<a rel="noopener noreferrer"');
    const values = new Set(rel[1].split(/\s+/).filter(Boolean));
    values.add('noopener');
    return tag.replace(rel[0], `rel="${[...values].join(' ')}"`);
  });
}

/** A _headers file (Netlify, Cloudflare Pages and similar hosts) with the same policy as headers. */
export function headersFile(scriptHashes: readonly string[]): string {
  const policy = contentSecurityPolicy(scriptHashes);
  return [
    '/*',
    `  Content-Security-Policy: ${policy}; frame-ancestors 'self'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
    '# Charts are made to be embedded on partners\' sites.',
    '/*/embed/*',
    `  Content-Security-Policy: ${policy}; frame-ancestors *`,
    '',
  ].join('\n');
}
