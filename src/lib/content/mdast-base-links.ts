/**
 * Markdown-processor plugin: content is written with site paths (/en/about/), whatever the base path the
 * site is deployed under; when the base is a sub-folder (/research/), links and images in MDX get it
 * in front (/research/en/about/). The content check compares links with the site's paths without the
 * base, and the link check on the built site confirms that every prefixed link resolves.
 */
import { defineMdastPlugin } from 'satteri';
import { withBase } from '../i18n/paths';

/** A root-relative site path with the base in front; anything else (other sites, anchors, //host) unchanged. */
export function withBaseLink(base: string, url: string): string {
  return /^\/(?!\/)/.test(url) && base !== '/' ? withBase(base, url) : url;
}

interface JsxAttribute {
  type: string;
  name: string;
  value?: unknown;
}
interface JsxElement {
  name: string | null;
  attributes: JsxAttribute[];
}

/** No plugin at all for a site at the root of its domain. */
export function baseLinksPlugin(base: string) {
  if (base === '/') return null;
  const jsx = (node: JsxElement, ctx: { setProperty(n: never, k: 'attributes', v: JsxAttribute[]): void }) => {
    if (node.name !== 'a' && node.name !== 'img') return;
    const attributes = node.attributes.map((a) => ((a.name === 'href' || a.name === 'src') && typeof a.value === 'string' ? { ...a, value: withBaseLink(base, a.value) } : a));
    if (attributes.some((a, i) => a.value !== node.attributes[i].value)) ctx.setProperty(node as never, 'attributes', attributes);
  };
  return defineMdastPlugin({
    name: 'base-links',
    link(node, ctx) {
      const url = withBaseLink(base, node.url);
      if (url !== node.url) ctx.setProperty(node, 'url', url);
    },
    image(node, ctx) {
      const url = withBaseLink(base, node.url);
      if (url !== node.url) ctx.setProperty(node, 'url', url);
    },
    mdxJsxFlowElement: (node, ctx) => jsx(node as unknown as JsxElement, ctx as never),
    mdxJsxTextElement: (node, ctx) => jsx(node as unknown as JsxElement, ctx as never),
  });
}
