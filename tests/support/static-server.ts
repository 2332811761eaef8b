/** A minimal static server for the built site, on 127.0.0.1 and a free port, started and stopped by the tests. */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /**
   * Which page answers a missing address: "root" (default) serves /404.html for every miss, as GitHub Pages
   * and most servers do; "per-folder" serves the nearest 404.html or 404/index.html above the address, as hosts
   * with per-folder not-found pages do (Cloudflare Pages, or Netlify with a 404 rule in _redirects).
   */
  notFound?: 'root' | 'per-folder';
}

/** The not-found pages to try for a missing pathname, nearest first. */
function notFoundCandidates(root: string, pathname: string, mode: ServeOptions['notFound']): string[] {
  if (mode !== 'per-folder') return [path.join(root, '404.html')];
  const dirs: string[] = [];
  for (let dir = path.posix.dirname(pathname.endsWith('/') ? `${pathname}x` : pathname); ; dir = path.posix.dirname(dir)) {
    dirs.push(dir);
    if (dir === '/' || dir === '.') break;
  }
  return dirs.flatMap((dir) => [path.join(root, dir, '404.html'), path.join(root, dir, '404', 'index.html')]);
}

export async function serveDirectory(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      // Compress text as any static host or CDN does, so measured transfer sizes are realistic.
      if (/^(text|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }).end(gzipSync(body));
      } else {
        res.writeHead(200, { 'Content-Type': type }).end(body);
      }
    } catch {
      let notFound = Buffer.from('Not found');
      for (const candidate of notFoundCandidates(root, pathname, options.notFound)) {
        const page = candidate.startsWith(root) ? await readFile(candidate).catch(() => undefined) : undefined;
        if (page) {
          notFound = page;
          break;
        }
      }
      res.writeHead(404, { 'Content-Type': TYPES['.html'] }).end(notFound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
