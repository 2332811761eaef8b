/**
 * Help for queries that find nothing or are typed in another language's script. Loaded by the search page
 * only when needed, so the page's first script stays small:
 *  - typo correction: an English word of five or more letters that matches nothing becomes the nearest
 *    word of the index (one edit away for five to seven letters, two for longer ones; an edit is a letter
 *    added, dropped, changed or two neighbours swapped), the most used one when several are as near;
 *  - cross-language terms: a glossary term typed in the other language is replaced by this language's term.
 * The pure parts (editDistance, nearestWord, crossQuery) have no DOM dependencies and are unit tested.
 */
import type { Normalizer } from './normalize';

/** Edits allowed for a word of this many letters: none under five. */
export function allowedEdits(length: number): number {
  return length < 5 ? 0 : length <= 7 ? 1 : 2;
}

/** Optimal string alignment distance (Levenshtein with adjacent swaps), or max + 1 once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevprev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevprev[j - 2] + 1);
      row.push(d);
      low = Math.min(low, d);
    }
    if (low > max) return max + 1;
    prevprev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The nearest of `words` (most used first) within the allowed edits, or null. */
export function nearestWord(word: string, words: readonly string[]): string | null {
  const lower = word.toLowerCase();
  const max = allowedEdits(lower.length);
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const candidate of words) {
    if (candidate === lower) return null;
    const d = editDistance(lower, candidate, Math.min(max, bestDistance - 1));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 1 && max === 1) break;
    }
  }
  return best;
}

/** Words of a query that typo correction looks at: Latin letters only, five or more; at most six of them. */
export function correctable(query: string): string[] {
  return query
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]{5,}$/.test(w))
    .slice(0, 6);
}

/**
 * The query with each of `misspelt` (words that matched nothing) replaced by its nearest word in `words`
 * (the index's words, most used first), or null when nothing was replaced. The query's last word is left
 * alone while it begins some word of the index: the reader may still be typing it.
 */
export function correctWith(query: string, misspelt: readonly string[], words: readonly string[]): string | null {
  const last = query.trim().split(/\s+/).at(-1)?.toLowerCase();
  let corrected = query;
  for (const word of misspelt) {
    const lower = word.toLowerCase();
    if (lower === last && words.some((w) => w.startsWith(lower))) continue;
    const near = nearestWord(word, words);
    if (near) corrected = corrected.replace(word, near);
  }
  return corrected === query ? null : corrected;
}

let spelling: Promise<string[]> | undefined;

/** correctWith, with the index's words loaded (once) from the build's spelling-<lang>.json. */
export async function correctQuery(query: string, misspelt: readonly string[], spellingUrl: string): Promise<string | null> {
  spelling ??= fetch(spellingUrl).then((r) => (r.ok ? (r.json() as Promise<string[]>) : []));
  return correctWith(query, misspelt, await spelling.catch(() => [] as string[]));
}

const singular = (w: string) => w.toLowerCase().replace(/(?<=..)(es|s)$/, '');
const latinWords = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * A query with the glossary terms of the other language replaced by this language's (`pairs`: [typed,
 * searched]), or null when it holds none. Latin terms match as whole words, ignoring case and a plural -s
 * (an acronym such as WHO only in capitals); Khmer terms match after folding variants (`normalize`).
 */
export function crossQuery(query: string, pairs: readonly (readonly [string, string])[], normalize: Normalizer): { query: string; terms: string[] } | null {
  const terms: string[] = [];
  let text = normalize(query);
  // Khmer terms: plain substrings, longest first.
  for (const [typed, searched] of [...pairs].filter(([t]) => !/[A-Za-z]/.test(t)).sort((a, b) => b[0].length - a[0].length)) {
    const form = normalize(typed);
    if (form && text.includes(form)) {
      text = text.split(form).join(` ${searched} `);
      terms.push(searched);
    }
  }
  // Latin terms: runs of whole words, longest first.
  const words = latinWords(text);
  if (words.length) {
    const latin = pairs.filter(([t]) => /[A-Za-z]/.test(t)).map(([t, s]) => ({ words: latinWords(t), acronym: /^[A-Z]{2,}$/.test(t), searched: s }));
    latin.sort((a, b) => b.words.length - a.words.length);
    for (const term of latin) {
      for (let i = 0; i + term.words.length <= words.length; i++) {
        const run = words.slice(i, i + term.words.length);
        const same = term.acronym ? run[0] === term.words[0] : run.every((w, j) => singular(w) === singular(term.words[j]));
        if (!same) continue;
        const pattern = new RegExp(run.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+'), 'u');
        text = text.replace(pattern, ` ${term.searched} `);
        terms.push(term.searched);
        break;
      }
    }
  }
  return terms.length ? { query: text.replace(/\s+/g, ' ').trim(), terms: [...new Set(terms)] } : null;
}
