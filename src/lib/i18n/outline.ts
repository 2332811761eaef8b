/**
 * Whether the language versions of one page share an outline: the same second- and third-level headings,
 * level for level, in the same order. Only then can the language switch carry a heading by its position.
 */
export interface OutlineHeading {
  depth: number;
}

export function outlineOf(headings: readonly OutlineHeading[]): string {
  return headings
    .filter((h) => h.depth === 2 || h.depth === 3)
    .map((h) => h.depth)
    .join('');
}

export function sameOutline(versions: readonly (readonly OutlineHeading[])[]): boolean {
  if (versions.length < 2) return false;
  const first = outlineOf(versions[0]);
  return first !== '' && versions.every((v) => outlineOf(v) === first);
}
