/** Share cards (og:image): one 1200 × 630 PNG per card of src/lib/share/cards.ts, drawn at build time. */
import type { APIRoute } from 'astro';
import { shareCards, type ShareCard } from '../../lib/share/cards';
import { renderCard } from '../../lib/share/render';

export async function getStaticPaths() {
  return [...(await shareCards()).values()].map((card) => ({ params: { card: card.key }, props: { card } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { card } = props as { card: ShareCard };
  const png = await renderCard(card.spec, `og/${card.key}.png`);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
