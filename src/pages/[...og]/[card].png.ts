/**
 * Share cards (og:image): one 1200 × 630 PNG per card of src/lib/share/cards.ts, drawn at build time, at
 * og/<key>.png. A rest parameter as the first folder of src/pages makes this the route Astro renders last, so the
 * cards, started in getStaticPaths (which Astro calls for every route first), are drawn while the pages render.
 */
import type { APIRoute } from 'astro';
import { shareCards, type ShareCard } from '../../lib/share/cards';
import { cardPng, drawAhead } from '../../lib/share/render';

export async function getStaticPaths() {
  const cards = [...(await shareCards()).values()];
  if (import.meta.env.PROD) drawAhead(cards);
  // "en/reports/miccaf" is og/en/reports/ and miccaf.png.
  return cards.map((card) => ({ params: { og: `og/${card.key.split('/').slice(0, -1).join('/')}`, card: card.key.split('/').at(-1) }, props: { card } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { card } = props as { card: ShareCard };
  return new Response(new Uint8Array(await cardPng(card.key, card.spec)), { headers: { 'Content-Type': 'image/png' } });
};
