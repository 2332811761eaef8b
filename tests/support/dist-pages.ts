/** The HTML pages of the built site, by URL path. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './site.ts';

export function builtPages(root = DIST): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') out.push('/' + path.relative(root, dir).split(path.sep).join('/') + (dir === root ? '' : '/'));
    }
  };
  walk(root);
  return out.map((p) => p.replace(/^\/\/$/, '/')).sort();
}

export function readPage(urlPath: string, root = DIST): string {
  return readFileSync(path.join(root, urlPath, 'index.html'), 'utf8');
}
