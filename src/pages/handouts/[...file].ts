/** /handouts/{lang}/{reports|briefs}/{slug}.pdf: the PDFs npm run pdf made (src/lib/cite/handouts.ts); none when there are none. */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { handoutsDir, listHandouts } from '../../lib/cite/handouts';

export function getStaticPaths() {
  return listHandouts().map((rel) => ({ params: { file: rel }, props: { rel } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync(path.join(handoutsDir(), (props as { rel: string }).rel)), { headers: { 'Content-Type': 'application/pdf' } });
