/**
 * Share cards in the built site: every HTML page names an og:image that exists in the build as a
 * 1200 × 630 PNG under 150 KB, with its size and words, the page's og:locale and the other languages', and
 * a large Twitter card. Reports, briefs (and their slides), charts (and their embeds) and theme pages have
 * their own card in their own language; every other page its language's site card.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/site.ts';
import { siteConfig } from '../../src/lib/config/site-config';

const config = siteConfig();
const publicBase = new URL(config.base, config.url).href;
const OG_LOCALE: Record<string, string> = { en: 'en_GB', km: 'km_KH' };

const htmlFiles = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => path.join(e.parentPath, e.name));

/** Every <meta property|name=… content=…> of a page, by key (repeated keys keep every value). */
function metas(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of html.matchAll(/<meta\s+(?:property|name)="([^"]+)"\s+content="([^"]*)"\s*\/?>/g)) out.set(m[1], [...(out.get(m[1]) ?? []), m[2]]);
  return out;
}

function png(file: string): { width: number; height: number; bytes: number; hash: string } {
  const data = readFileSync(file);
  expect(data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} is not a PNG`).toBe(true);
  expect(data.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bytes: data.length, hash: createHash('sha256').update(data).digest('hex') };
}

describe('share cards', () => {
  it('every page names an existing 1200 × 630 PNG under 150 KB, with locale tags and a large Twitter card', () => {
    expect(htmlFiles.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of htmlFiles) {
      const rel = path.relative(DIST, file);
      const html = readFileSync(file, 'utf8');
      const meta = metas(html);
      const one = (key: string) => meta.get(key)?.[0];
      const lang = /<html lang="([^"]+)"/.exec(html)?.[1] ?? '';
      const image = one('og:image');
      if (!image?.startsWith(publicBase + 'og/')) {
        problems.push(`${rel}: og:image ${image}`);
        continue;
      }
      const local = path.join(DIST, image.slice(publicBase.length));
      if (!existsSync(local)) {
        problems.push(`${rel}: ${image} is not in the build`);
        continue;
      }
      const { width, height, bytes } = png(local);
      if (width !== 1200 || height !== 630) problems.push(`${rel}: ${image} is ${width} × ${height}`);
      if (bytes >= 150 * 1024) problems.push(`${rel}: ${image} is ${bytes} bytes`);
      if (one('og:image:width') !== '1200' || one('og:image:height') !== '630') problems.push(`${rel}: og:image:width/height`);
      if (!one('og:image:alt')?.trim()) problems.push(`${rel}: no og:image:alt`);
      if (one('og:locale') !== OG_LOCALE[lang]) problems.push(`${rel}: og:locale ${one('og:locale')} on a page in ${lang}`);
      const alternates = meta.get('og:locale:alternate') ?? [];
      const others = Object.entries(OG_LOCALE).filter(([code]) => code !== lang).map(([, l]) => l);
      if (alternates.sort().join() !== others.sort().join()) problems.push(`${rel}: og:locale:alternate ${alternates.join()}`);
      if (one('twitter:card') !== 'summary_large_image') problems.push(`${rel}: twitter:card ${one('twitter:card')}`);
      if (!one('og:type') || !one('og:url')?.startsWith(publicBase)) problems.push(`${rel}: og:type or og:url`);
    }
    expect(problems).toEqual([]);
  });

  it.each([
    ['reports/miccaf/', 'reports/miccaf'],
    ['briefs/miccaf-key-findings/', 'briefs/miccaf-key-findings'],
    ['briefs/miccaf-key-findings/present/', 'briefs/miccaf-key-findings'],
    ['findings/miccaf-household-income/', 'findings/miccaf-household-income'],
    ['embed/miccaf-household-income/', 'findings/miccaf-household-income'],
    ['recommendations/theme/health/', 'recommendations/theme/health'],
    ['', 'site'],
    ['glossary/', 'site'],
  ])('/<lang>/%s uses the card og/<lang>/%s.png, a different picture in each language', (page, card) => {
    const images = ['en', 'km'].map((lang) => {
      const meta = metas(readFileSync(path.join(DIST, lang, page, 'index.html'), 'utf8'));
      expect(meta.get('og:image')?.[0]).toBe(`${publicBase}og/${lang}/${card}.png`);
      return png(path.join(DIST, 'og', lang, `${card}.png`)).hash;
    });
    expect(images[0]).not.toBe(images[1]);
  });

  it('draws each card once, and no two alike', () => {
    const cards = readdirSync(path.join(DIST, 'og'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.png'));
    const hashes = new Set(cards.map((e) => png(path.join(e.parentPath, e.name)).hash));
    expect(cards.length).toBeGreaterThan(50);
    expect(hashes.size).toBe(cards.length);
  });

  it('describes reports and briefs as articles with their title and headline finding in og:image:alt', () => {
    const meta = metas(readFileSync(path.join(DIST, 'km', 'reports', 'miccaf', 'index.html'), 'utf8'));
    expect(meta.get('og:type')?.[0]).toBe('article');
    const title = /<h1>([^<]+)<\/h1>/.exec(readFileSync(path.join(DIST, 'km', 'reports', 'miccaf', 'index.html'), 'utf8'))?.[1];
    expect(title).toBeTruthy();
    expect(meta.get('og:image:alt')?.[0]).toContain(title!);
  });
});
