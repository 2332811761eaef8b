/**
 * node src/cli/fallback-fonts.ts [--roboto-dir DIR]: writes src/lib/fonts/fallback-metrics.json, the
 * metrics of the system fonts that stand in for the site's Latin face while it loads, and the character
 * frequencies the fallback faces' size-adjust is weighted by (from the English content).
 *
 * Run it on Debian with fonts-liberation2 (Liberation Sans has Arial's advance widths and vertical metrics
 * by design) and fonts-dejavu-core installed; Roboto (Android's face) is read from fonts-roboto-unhinted,
 * installed or unpacked with `apt-get download fonts-roboto-unhinted && dpkg-deb -x <deb> DIR`.
 * The build itself reads this JSON and the site's own font files; it never needs these system fonts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readFontMetrics } from '../lib/fonts/font-metrics.ts';

const rootDir = path.resolve(import.meta.dirname, '../..');
const argRoboto = process.argv.indexOf('--roboto-dir');
const robotoDir = argRoboto > 0 ? process.argv[argRoboto + 1] : '/';

/** Each fallback: the local() names that find it (or a metric-compatible twin) and the file measured, per weight. */
const FALLBACKS = [
  {
    name: 'Arial',
    local: {
      400: ['Arial', 'ArialMT', 'Liberation Sans', 'LiberationSans', 'Arimo'],
      700: ['Arial Bold', 'Arial-BoldMT', 'Liberation Sans Bold', 'LiberationSans-Bold', 'Arimo Bold'],
    },
    files: { 400: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', 700: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf' },
  },
  {
    name: 'Roboto',
    local: { 400: ['Roboto', 'Roboto-Regular', 'Roboto Regular'], 700: ['Roboto Bold', 'Roboto-Bold'] },
    files: {
      400: path.join(robotoDir, 'usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf'),
      700: path.join(robotoDir, 'usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf'),
    },
  },
  {
    name: 'DejaVu Sans',
    local: { 400: ['DejaVu Sans', 'DejaVuSans'], 700: ['DejaVu Sans Bold', 'DejaVuSans-Bold'] },
    files: { 400: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 700: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
  },
];

/** How often each printable ASCII character occurs in the English content's text (markup and frontmatter keys stripped). */
function englishFrequencies(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of ['reports', 'briefs', 'pages']) {
    const dir = path.join(rootDir, 'content', kind, 'en');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const text = readFileSync(path.join(dir, file), 'utf8')
        .replace(/^[a-zA-Z]+:\s*/gm, '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/[#*_`|{}[\]]/g, ' ')
        .replace(/\s+/g, ' ');
      for (const ch of text) if (ch >= ' ' && ch <= '~') counts[ch] = (counts[ch] ?? 0) + 1;
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  // Per 100,000 characters; rarer characters than that do not move the average.
  return Object.fromEntries(
    Object.entries(counts)
      .map(([ch, n]) => [ch, Math.round((n / total) * 100_000)] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]),
  );
}

const frequencies = englishFrequencies();
const chars = Object.keys(frequencies);
const out = {
  $comment: 'Written by `node src/cli/fallback-fonts.ts`; do not edit. Metrics in font units (hhea); widths only for the characters of `frequencies` (per 100,000 characters of the English content).',
  frequencies,
  fallbacks: FALLBACKS.map((f) => ({
    name: f.name,
    local: f.local,
    measuredFrom: Object.fromEntries(Object.entries(f.files).map(([w, file]) => [w, path.basename(file)])),
    metrics: Object.fromEntries(Object.entries(f.files).map(([w, file]) => [w, readFontMetrics(readFileSync(file), chars)])),
  })),
};
const target = path.join(rootDir, 'src/lib/fonts/fallback-metrics.json');
// Objects and lists of plain values on one line each, so the file stays short to read.
const json = JSON.stringify(out, null, 1).replace(/([{[])\n\s+([^{}[\]]*?)\n\s*([}\]])/g, (_, open, body, close) => open + body.replace(/\n\s*/g, ' ') + close);
writeFileSync(target, json + '\n');
console.log(`Wrote ${path.relative(rootDir, target)}: ${chars.length} characters, fallbacks ${FALLBACKS.map((f) => f.name).join(', ')}.`);
