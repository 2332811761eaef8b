/**
 * Rehype plugin: wraps each second-level section of an MDX page (an h2 and what follows it, up to the
 * next h2) in <section class="md-section" aria-labelledby=…>. Reports get real sections; briefs get
 * their slides, one per section, for the workshop view. Content before the first h2 is left as it is.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

function isH2(node: RootContent): node is Element {
  return node.type === 'element' && node.tagName === 'h2';
}

export default function rehypeSections() {
  return (tree: Root) => {
    const out: RootContent[] = [];
    let current: Element | null = null;
    for (const node of tree.children) {
      if (isH2(node)) {
        const id = typeof node.properties?.id === 'string' ? node.properties.id : undefined;
        current = { type: 'element', tagName: 'section', properties: { className: ['md-section'], ...(id ? { ariaLabelledby: id } : {}) }, children: [node] };
        out.push(current);
      } else if (current) {
        current.children.push(node as ElementContent);
      } else {
        out.push(node);
      }
    }
    tree.children = out;
  };
}
