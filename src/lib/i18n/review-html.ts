/**
 * The review view as one self-contained HTML file (its fonts inlined, no script, no request to anywhere):
 * the original and the translation side by side, pair by pair, glossary terms marked, figures compared,
 * unpaired blocks and stale reviews called out. Every piece of text from the content is escaped, so nothing
 * in a file (an MDX tag, a <script> in a quotation) can become markup. Pure: model and strings in, HTML out.
 */
import type { GlossaryEntry } from '../check/glossary';
import type { Freshness } from './source-hash';
import type { Translate } from './translate';
import type { ReviewRecord, ReviewState } from './review-record';
import type { PairView, ReviewModel, SectionView, SideView } from './review-model';

export interface ReviewPageInput {
  model: ReviewModel;
  /** Language of the view's own words (its UI strings). */
  uiLang: string;
  t: Translate;
  /** Language names in the UI language, by code. */
  languageName: (code: string) => string;
  /** A date in the UI language (Intl). */
  formatDate: (isoDay: string) => string;
  glossary: GlossaryEntry[];
  status: { translation?: string; freshness: Freshness; review?: { record: ReviewRecord; state: ReviewState } };
  /** The command that records a review of this file. */
  recordCommand: string;
  /** ISO day the view was made. */
  generatedOn: string;
  /** @font-face rules (fonts as data: URLs), or '' for system fonts. */
  fontFaces?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or attribute value, escaped. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function renderSide(side: SideView | undefined, lang: string, label: string, missing: string, byId: Map<string, GlossaryEntry>, originalLang: string, t: Translate): string {
  // The label and notes are in the view's language; only the block's own text is in the side's language.
  if (!side) return `<div class="side side--missing"><p class="side__label">${esc(label)}</p><p class="side__none">${esc(missing)}</p></div>`;
  const parts = side.segments.map((s) => {
    if (s.kind === 'text') return esc(s.text);
    if (s.kind === 'tag') {
      const at = /\bat="([^"]*)"/.exec(s.text)?.[1];
      const shown = /^<Cite\b/.test(s.text) && at !== undefined ? at : s.text;
      return `<span class="tag" lang="en" title="${esc(s.text)}">${esc(shown)}</span>`;
    }
    const entry = s.id ? byId.get(s.id) : undefined;
    if (s.kind === 'avoid') {
      const title = entry ? t('review.mark.avoid', { term: entry.termKm, en: entry.termEn }) : '';
      return `<mark class="avoid" title="${esc(title)}">${esc(s.text)}</mark>`;
    }
    const other = entry ? (lang === originalLang ? entry.termKm : entry.termEn) : '';
    return `<mark class="term" title="${esc(other)}">${esc(s.text)}</mark>`;
  });
  const b = side.block;
  const cls = `side__text side__text--${b.kind}`;
  return `<div class="side"><p class="side__label">${esc(label)} · ${esc(t('review.line', { line: String(b.line) }))}</p><div class="${cls}" lang="${esc(lang)}">${parts.join('')}</div></div>`;
}

function renderChecks(p: PairView, byId: Map<string, GlossaryEntry>, t: Translate): string {
  const items: string[] = [];
  if (p.original && p.translation) {
    if (p.differences.length) {
      const list = p.differences.map((d) => `<li>${esc(t('review.figures.difference', { value: d.value, original: String(d.original), translation: String(d.translation) }))}</li>`);
      items.push(`<li class="check check--warn"><span class="check__label">${esc(t('review.figures.differ'))}</span><ul>${list.join('')}</ul></li>`);
    } else if (p.figures.length) {
      items.push(`<li class="check check--ok">${esc(t('review.figures.match', { list: p.figures.join(', ') }))}</li>`);
    }
  }
  for (const a of p.avoided) {
    const e = byId.get(a.id);
    items.push(`<li class="check check--error">${esc(t('review.avoided', { found: a.found, term: e?.termKm ?? '', en: e?.termEn ?? '' }))}</li>`);
  }
  for (const id of p.missingTerms) {
    const e = byId.get(id);
    if (e) items.push(`<li class="check check--hint">${esc(t('review.termMissing', { en: e.termEn, term: e.termKm }))}</li>`);
  }
  if (!p.original || !p.translation) items.push(`<li class="check check--warn">${esc(t(p.original ? 'review.unpaired.original' : 'review.unpaired.translation'))}</li>`);
  return items.length ? `<ul class="checks">${items.join('')}</ul>` : '';
}

/** A section's title and its language: the heading in the view's language when that side has it. */
function sectionTitle(s: SectionView, t: Translate, uiLang: string, originalLang: string, translationLang: string): { text: string; lang: string } {
  if (s.kind === 'frontmatter') return { text: t('review.section.frontmatter'), lang: uiLang };
  if (s.kind === 'preamble') return { text: t('review.section.preamble'), lang: uiLang };
  const h = s.pairs[0];
  const sides = [
    { side: h.original, lang: originalLang },
    { side: h.translation, lang: translationLang },
  ].filter((x) => x.side);
  const pick = sides.find((x) => x.lang === uiLang) ?? sides[0];
  return { text: pick.side!.block.text, lang: pick.lang };
}

function flagsOf(s: SectionView): number {
  return s.pairs.filter((p) => p.differences.length || p.avoided.length || !p.original || !p.translation).length;
}

export function renderReviewPage(input: ReviewPageInput): string {
  const { model, t, uiLang, glossary, status } = input;
  const byId = new Map(glossary.map((e) => [e.id, e]));
  const oLang = model.original.lang;
  const tLang = model.translation.lang;
  const oName = input.languageName(oLang);
  const tName = input.languageName(tLang);

  const sections = model.sections.map((s) => {
    const { text: title, lang: titleLang } = sectionTitle(s, t, uiLang, oLang, tLang);
    const counts =
      s.mismatch
        ? `<p class="section__warn">${esc(t('review.section.counts', { original: String(s.counts.original), translation: String(s.counts.translation), originalLanguage: oName, translationLanguage: tName }))}</p>`
        : '';
    const pairs = s.pairs.map((p) => {
      const kind = t(`review.kind.${p.kind}`);
      const notes = (p.original ?? p.translation)!.block.notes ? ` · ${t('review.kind.notes')}` : '';
      const flagged = p.differences.length || p.avoided.length || !p.original || !p.translation;
      return `<div class="pair${flagged ? ' pair--flagged' : ''}${p.kind === 'heading' ? ' pair--heading' : ''}" id="p-${p.n}">
<p class="pair__meta"><a href="#p-${p.n}">${esc(t('review.pair', { n: String(p.n) }))}</a> · ${esc(kind)}${esc(notes)}</p>
<div class="pair__sides">${renderSide(p.original, oLang, oName, t('review.unpaired.none'), byId, oLang, t)}${renderSide(p.translation, tLang, tName, t('review.unpaired.none'), byId, oLang, t)}</div>
${renderChecks(p, byId, t)}</div>`;
    });
    return `<section class="section" id="s-${s.index}" aria-labelledby="s-${s.index}-title"><h2 id="s-${s.index}-title"><span class="section__n">${s.index ? `§${s.index}` : ''}</span> <span lang="${esc(titleLang)}">${esc(title)}</span></h2>${counts}${pairs.join('\n')}</section>`;
  });

  const toc = model.sections.map((s) => {
    const n = flagsOf(s);
    const title = sectionTitle(s, t, uiLang, oLang, tLang);
    return `<li><a href="#s-${s.index}"><span lang="${esc(title.lang)}">${esc(title.text)}</span></a>${n ? ` <span class="toc__flag">${esc(t('review.toc.flags', { count: n }))}</span>` : ''}</li>`;
  });

  const review = status.review;
  const reviewLine = review
    ? `<p class="${review.state === 'stale' ? 'status status--stale' : 'status status--ok'}" role="${review.state === 'stale' ? 'alert' : 'note'}">${esc(t(review.state === 'stale' ? 'review.record.stale' : 'review.record.current', { name: review.record.by, date: input.formatDate(review.record.on) }))}</p>`
    : `<p class="status">${esc(t('review.record.none'))}</p>`;
  const tot = model.totals;
  // The document's title in the view's language when the translation has one.
  const heading = uiLang === tLang && model.translation.title ? { title: model.translation.title, lang: tLang } : { title: model.original.title, lang: oLang };
  const summary = [
    t('review.total.pairs', { count: tot.pairs }),
    t('review.total.unpaired', { count: tot.unpaired }),
    t('review.total.figures', { count: tot.figureDifferences }),
    t('review.total.avoided', { count: tot.avoided }),
    t('review.total.terms', { count: tot.missingTerms }),
  ];

  return `<!doctype html>
<html lang="${esc(uiLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(t('review.title'))}${esc(t('review.colon'))}${esc(heading.title)}</title>
<style>
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9ced4; --paper: #fff; --alt: #f3f5f7; --accent: #0a5572;
  --term-bg: #dcecf5; --term-line: #0a5572; --avoid-bg: #ffdcd8; --avoid-ink: #7a1409; --warn-bg: #fff4d6; --warn-ink: #6b4a00; --ok-ink: #1d5e2a; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, sans-serif; color: var(--ink); background: var(--paper); line-height: 1.6; font-size: 1rem; }
:lang(km) { line-height: 1.9; }
.page { max-width: 110rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.35; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
h2 span { overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; line-height: 1.4; margin: 0; padding: 0.5rem 0; border-bottom: 2px solid var(--accent); }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.1rem 1rem; margin: 0 0 0.75rem; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, monospace; font-size: 0.9em; background: var(--alt); padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
.status { margin: 0.5rem 0; padding: 0.5rem 0.75rem; border-inline-start: 4px solid var(--line); background: var(--alt); }
.status--ok { border-color: var(--ok-ink); }
.status--stale { border-color: #b3261e; background: var(--avoid-bg); color: var(--avoid-ink); font-weight: 700; }
.summary { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; list-style: none; margin: 0.5rem 0; }
details { margin: 0.5rem 0 1rem; border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; }
summary { cursor: pointer; font-weight: 700; }
.toc ol { columns: 18rem; column-gap: 3rem; margin: 0.25rem 0 0; padding-inline-start: 1.5rem; }
.toc li { break-inside: avoid; overflow-wrap: anywhere; }
.toc__flag { color: var(--warn-ink); font-size: 0.875rem; white-space: nowrap; }
.section { margin-top: 1.5rem; }
.section__n { color: var(--muted); }
.section__warn { background: var(--warn-bg); color: var(--warn-ink); padding: 0.4rem 0.75rem; margin: 0.5rem 0; border-radius: 4px; }
.pair { border-bottom: 1px solid var(--line); padding: 0.5rem 0 0.75rem; scroll-margin-top: 0.5rem; }
.pair:target { background: #fffbea; }
.pair--flagged { border-inline-start: 4px solid #b35c00; padding-inline-start: 0.6rem; }
.pair__meta { margin: 0 0 0.25rem; font-size: 0.875rem; color: var(--muted); }
.pair__sides { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem 1.5rem; }
@media (min-width: 48rem) { .pair__sides { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.side__label { margin: 0; font-size: 0.8125rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.side__label:lang(km) { text-transform: none; letter-spacing: 0; }
.side__text { white-space: pre-wrap; overflow-wrap: anywhere; }
.side__text--heading { font-weight: 700; font-size: 1.1rem; }
.side__text--row { font-family: inherit; }
.side--missing { background: var(--warn-bg); padding: 0.4rem 0.6rem; border-radius: 4px; }
.side__none { margin: 0; color: var(--warn-ink); font-style: italic; }
.side__none:lang(km) { font-style: normal; }
.tag { font-size: 0.8125rem; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 0.3em; white-space: normal; }
mark { color: inherit; border-radius: 2px; padding: 0 0.1em; }
mark.term { background: var(--term-bg); box-shadow: inset 0 -2px 0 var(--term-line); }
mark.avoid { background: var(--avoid-bg); color: var(--avoid-ink); text-decoration: underline wavy #b3261e; text-decoration-skip-ink: none; }
.checks { list-style: none; padding: 0; margin: 0.4rem 0 0; font-size: 0.9375rem; }
.check { padding: 0.15rem 0; }
.check ul { margin: 0; padding-inline-start: 1.25rem; list-style: disc; }
.check--ok { color: var(--ok-ink); }
.check--ok::before { content: "✓ "; }
.check--warn { color: var(--warn-ink); }
.check--warn > .check__label::before, .check--warn:not(:has(ul))::before { content: "! "; font-weight: 700; }
.check--error { color: var(--avoid-ink); font-weight: 700; }
.check--error::before { content: "✗ "; }
.check--hint { color: var(--muted); }
${input.fontFaces ?? ''}
</style>
</head>
<body>
<div class="page">
<header>
<h1>${esc(t('review.title'))}${esc(t('review.colon'))}<span lang="${esc(heading.lang)}">${esc(heading.title)}</span></h1>
<dl class="facts">
<dt>${esc(oName)}</dt><dd><code>${esc(model.original.file)}</code></dd>
<dt>${esc(tName)}</dt><dd><code>${esc(model.translation.file)}</code></dd>
<dt>${esc(t('review.status'))}</dt><dd>${esc(status.translation ? t(`translation.${status.translation}`) : '')} · ${esc(t(`review.freshness.${status.freshness}`))}</dd>
</dl>
${reviewLine}
<ul class="summary">${summary.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
<details class="legend" open>
<summary>${esc(t('review.howTo.title'))}</summary>
<p>${esc(t('review.howTo.read', { original: oName, translation: tName }))}</p>
<ul>
<li><mark class="term">${esc(t('review.legend.term'))}</mark></li>
<li><mark class="avoid">${esc(t('review.legend.avoid'))}</mark></li>
<li><span class="tag">${esc(t('review.legend.cite'))}</span></li>
<li>${esc(t('review.legend.figures'))}</li>
</ul>
<p>${esc(t('review.howTo.record'))}</p>
<p><code>${esc(input.recordCommand)}</code></p>
<p>${esc(t('review.howTo.generated', { date: input.formatDate(input.generatedOn) }))}</p>
</details>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${esc(t('review.toc'))}</h2><ol>${toc.join('')}</ol></nav>
</header>
<main>
${sections.join('\n')}
</main>
</div>
</body>
</html>
`;
}
