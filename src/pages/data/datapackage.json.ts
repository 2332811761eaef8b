/** /data/datapackage.json: the Frictionless Data Package descriptor of every published CSV (src/lib/datapackage). */
import type { APIRoute } from 'astro';
import { siteDataPackageJson } from '../../lib/datapackage/site';

export const GET: APIRoute = () => new Response(siteDataPackageJson(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
