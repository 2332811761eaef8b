/**
 * Hands each page to the search indexer as the build renders it, so that indexing runs beside rendering
 * instead of after it. The search integration installs the receiver for the length of a build; the
 * middleware (src/middleware.ts) offers every rendered page. The two are loaded as separate module
 * copies (the integration with the config, the middleware in the rendered bundle), so they meet on a
 * global symbol. Outside a build (dev server, tests) nothing is installed and pages pass untouched.
 */
/**
 * The receiver may return a promise (typed void so that any function fits): the page's render then waits
 * for it, which is how a busy indexer holds rendering back (see search-index.ts, LanguageIndex.window).
 */
type Receiver = (pathname: string, html: string) => void;

const KEY = Symbol.for('migration-families-site.search-feed');
const slot = globalThis as { [KEY]?: Receiver };

export function installFeed(receiver: Receiver): void {
  slot[KEY] = receiver;
}

export function removeFeed(): void {
  delete slot[KEY];
}

/** Offers a rendered response to the receiver, if one is installed; returns a response to send on. */
export async function offerRenderedPage(pathname: string, response: Response): Promise<Response> {
  const receive = slot[KEY];
  if (!receive || response.status !== 200 || !response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  await receive(pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
}
