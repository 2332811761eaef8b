/**
 * How the build bundles content: every MDX or Markdown entry of one collection and language goes into
 * one chunk (content-reports-en, content-briefs-km, ...) instead of a chunk per entry. A thousand reports
 * otherwise mean a thousand files written, loaded and deleted again during each build; the pages built
 * are the same either way.
 */
export function contentChunkName(moduleId: string): string | null {
  const file = moduleId.split('?')[0];
  if (!/\.mdx?$/.test(file)) return null;
  const [collection, lang] = file.split(/[\\/]/).slice(-3, -1);
  if (!collection || !lang) return null;
  return `content-${collection}-${lang}`.replace(/[^\w-]/g, '_');
}
