/** Table of contents: second-level headings with their third-level children. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}
export interface TocItem extends Heading {
  children: Heading[];
}

export function nestHeadings(headings: readonly Heading[]): TocItem[] {
  const items: TocItem[] = [];
  for (const h of headings) {
    if (h.depth === 2) items.push({ ...h, children: [] });
    else if (h.depth === 3 && items.length) items[items.length - 1].children.push(h);
  }
  return items;
}
