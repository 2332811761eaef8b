/**
 * A review record: who reviewed a translation, on which day, and against which English text. It lives in the
 * translation's frontmatter, written only by `npm run i18n:review -- <file> --record --reviewer "Full Name"`:
 *
 *   translation: reviewed
 *   reviewedBy: "Full Name"
 *   reviewedOn: 2026-11-30
 *   reviewedHash: "0123456789ab"   # entryHash of the English at review time (source-hash.ts)
 *
 * When the English changes after the review, its hash no longer matches and the review is stale: npm run
 * i18n:status and npm run i18n:review report it, and npm run check warns. Pure: text in, text out.
 */

export interface ReviewRecord {
  by: string;
  /** ISO date, YYYY-MM-DD. */
  on: string;
  hash: string;
}

export type ReviewState = 'none' | 'current' | 'stale';

/** Why a reviewer's name cannot be recorded, or undefined when it can. */
export function reviewerProblem(name: string | undefined): string | undefined {
  const n = (name ?? '').trim();
  if (!n) return 'name the person who reviewed the translation: --reviewer "Full Name". A review is recorded only for a person who read both texts.';
  if (!/\p{L}/u.test(n)) return `"${n}" is not a name: --reviewer "Full Name".`;
  if (/[\n\r"\\]/.test(n)) return 'the reviewer\'s name cannot contain quotation marks, backslashes or line breaks.';
  return undefined;
}

/** An ISO date (YYYY-MM-DD) of a Date or of a YAML value (the yaml package reads dates as strings, Astro as Dates). */
export function isoDay(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  return undefined;
}

/** Today's date where the reviewer is (local time), as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The review recorded in a translation's frontmatter data, if any. */
export function reviewOf(data: Record<string, unknown>): ReviewRecord | undefined {
  if (data.translation !== 'reviewed' || typeof data.reviewedBy !== 'string') return undefined;
  return { by: data.reviewedBy, on: isoDay(data.reviewedOn) ?? String(data.reviewedOn ?? ''), hash: String(data.reviewedHash ?? '') };
}

/** Whether a translation's review still covers the English as it is now (its hash). */
export function reviewState(originalHash: string, data: Record<string, unknown>): ReviewState {
  const review = reviewOf(data);
  if (!review) return 'none';
  return review.hash === originalHash ? 'current' : 'stale';
}

/** "reviewed on 2026-11-30 by Full Name", plus ", English changed since" when stale. */
export function describeReview(review: ReviewRecord, state: ReviewState): string {
  return `reviewed on ${review.on} by ${review.by}${state === 'stale' ? ', English changed since' : ''}`;
}

const FIELDS = ['translation', 'reviewedBy', 'reviewedOn', 'reviewedHash', 'sourceHash'] as const;

/**
 * The file's text with the review recorded: translation: reviewed, reviewedBy, reviewedOn, reviewedHash, and
 * sourceHash (the reviewer checked the translation against this English, so it is current too). Other lines
 * are left exactly as they were; fields already present are replaced in place, new ones go at the end.
 */
export function applyReviewRecord(source: string, record: ReviewRecord): string {
  const problem = reviewerProblem(record.by);
  if (problem) throw new Error(problem);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(record.on)) throw new Error(`the review date must be YYYY-MM-DD, not "${record.on}".`);
  if (!/^[0-9a-f]{12}$/.test(record.hash)) throw new Error(`"${record.hash}" is not a 12-character source hash.`);
  const fm = /^---(\r?\n)([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!fm) throw new Error('the file has no frontmatter (a --- block at the top).');
  const eol = fm[1];
  const values: Record<(typeof FIELDS)[number], string> = {
    translation: 'reviewed',
    reviewedBy: JSON.stringify(record.by.trim()),
    reviewedOn: record.on,
    reviewedHash: JSON.stringify(record.hash),
    sourceHash: JSON.stringify(record.hash),
  };
  let lines = fm[2].split(/\r?\n/);
  for (const key of FIELDS) {
    const line = `${key}: ${values[key]}`;
    const at = lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
    if (at >= 0) lines = [...lines.slice(0, at), line, ...lines.slice(at + 1)];
    else lines.push(line);
  }
  return `---${eol}${lines.join(eol)}${eol}---${eol}${source.slice(fm[0].length)}`;
}
