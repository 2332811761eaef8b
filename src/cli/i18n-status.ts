/**
 * npm run i18n:status — lists every content file and every translated text column of the data with its
 * counterpart in each other language: missing, stale (the original changed after the translation was
 * made), current, or unrecorded (no hash yet: run npm run i18n:stamp once the translation is checked).
 * npm run i18n:stamp [-- path...] — records that translations match their originals as they are now.
 * A translation a person reviewed (npm run i18n:review -- <file> --record) is listed with who and when, and
 * as "English changed since" when the English no longer matches the text the review was made against.
 */
import { siteConfig } from '../lib/config/site-config';
import { describeReview } from '../lib/i18n/review-record';
import { staleReviewWarnings, stampTranslations, translationStatus } from '../lib/i18n/translation-status';

const [command, ...rest] = process.argv.slice(2);
if (command === 'stamp') {
  const stamped = stampTranslations(rest);
  console.log(stamped.length ? stamped.map((s) => `stamped ${s}`).join('\n') : 'Nothing to stamp: every translation already records its original.');
  // Stamping says a translation matches its original; it does not say that a person reviewed it again.
  const config = siteConfig();
  for (const w of staleReviewWarnings(config.contentRoot, config.defaultLocale)) console.log(`warning: ${w.where} ${w.message}`);
} else {
  const rows = translationStatus();
  const content = rows.filter((r) => !r.item.startsWith('data/'));
  const data = rows.filter((r) => r.item.startsWith('data/'));
  const width = Math.max(...content.map((r) => r.item.length)) + 2;
  console.log('Content files');
  // A review is reported after the translation status: "reviewed on 2026-11-30 by Full Name, English changed since".
  for (const r of content) console.log(`  ${r.item.padEnd(width)}${r.status.padEnd(12)}${r.translation ?? ''}${r.review ? ` (${describeReview(r.review.record, r.review.state)})` : ''}`);
  console.log('\nData columns (only cells that are not current are listed)');
  const notCurrent = data.filter((r) => r.status !== 'current');
  for (const r of notCurrent) console.log(`  ${r.item.padEnd(width)}${r.status}`);
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  console.log(`\n${count('current')} current, ${count('stale')} stale, ${count('missing')} missing, ${count('unrecorded')} unrecorded (of ${rows.length}; data cells: ${data.length}).`);
  const reviewed = content.filter((r) => r.review);
  const staleReviews = reviewed.filter((r) => r.review!.state === 'stale');
  console.log(`${reviewed.length} reviewed by a person${staleReviews.length ? `, ${staleReviews.length} of them stale (English changed since the review: npm run i18n:review -- <file>)` : ''}.`);
}
