/**
 * The name a card's PNG is kept under in the build cache, from its spec and everything else that draws it,
 * so that a rebuild finds an unchanged card without laying it out or starting the process that draws cards.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CardSpec } from './card';
import { buildCacheDir } from '../build/cache-dir';

/** Bumped when the look of a card changes in a way its SVG does not show (the renderer's settings). */
export const RENDER_VERSION = 2;

/** Where drawn cards are kept between builds. */
export function cardCacheDir(): string {
  return path.join(buildCacheDir(), 'share-cards');
}

/**
 * What a card's picture depends on besides its spec: the code that lays it out and draws it, the colours,
 * the fonts (site.json names them; the lockfile pins their packages, HarfBuzz's and resvg's). Read from
 * src/ as the card process is (builds run from the project's root).
 */
export const CARD_INPUTS = [
  'src/lib/share/card.ts',
  'src/lib/share/typeset.ts',
  'src/lib/share/wrap.ts',
  'src/lib/share/draw.ts',
  'src/lib/share/card-key.ts',
  'src/lib/share/card-process.mjs',
  'src/lib/share/png.mjs',
  'src/lib/charts/svg.ts',
  'src/lib/fonts/font-faces.ts',
  'src/styles/tokens.css',
  'src/styles/charts.css',
  'src/config/site.json',
  'package-lock.json',
];
const inputsDigests = new Map<string, string>();

/** The card's key from its spec and CARD_INPUTS (their bytes, read once per project root). */
export function specKey(spec: CardSpec, root = process.cwd()): string {
  let inputs = inputsDigests.get(root);
  if (!inputs) {
    const hash = createHash('sha256').update(`${RENDER_VERSION}\n`);
    for (const file of CARD_INPUTS) {
      const full = path.join(root, file);
      hash.update(`${file}\n`).update(existsSync(full) ? readFileSync(full) : 'absent').update('\n');
    }
    inputsDigests.set(root, (inputs = hash.digest('hex')));
  }
  return createHash('sha256').update(inputs).update(JSON.stringify(spec)).digest('hex').slice(0, 32);
}

/** The file a card of this spec is kept in once drawn. */
export function specFile(spec: CardSpec): string {
  return path.join(cardCacheDir(), `spec-${specKey(spec)}.png`);
}
