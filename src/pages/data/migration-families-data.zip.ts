/** /data/migration-families-data.zip: every published CSV and datapackage.json in one archive. */
import type { APIRoute } from 'astro';
import { siteDataZip } from '../../lib/datapackage/site';

export const GET: APIRoute = () => new Response(new Uint8Array(siteDataZip()), { headers: { 'Content-Type': 'application/zip' } });
