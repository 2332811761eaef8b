/** The built site (dist/) served for a test file. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveDirectory, type StaticServer } from './static-server.ts';

export const DIST = path.resolve(process.cwd(), 'dist');

export async function serveBuiltSite(): Promise<StaticServer> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ has no built site: run `npm run build` before the end-to-end tests.');
  }
  return serveDirectory(DIST);
}
