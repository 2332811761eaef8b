/** Serves the self-hosted font files named in the site config, copied from their npm packages at build time. */
import type { APIRoute } from 'astro';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { siteConfig } from '../../lib/config/site-config';
import { fontFiles } from '../../lib/fonts/font-faces';

export function getStaticPaths() {
  const files = fontFiles(siteConfig().fonts, path.resolve('node_modules'));
  return [...files].map(([file, absolute]) => ({ params: { file }, props: { absolute } }));
}

export const GET: APIRoute = async ({ props }) => {
  const body = await readFile((props as { absolute: string }).absolute);
  return new Response(body, { headers: { 'Content-Type': 'font/woff2' } });
};
