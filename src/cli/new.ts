/**
 * npm run new -- report <slug>   |   npm run new -- brief <slug>
 * Creates the file in every language with valid frontmatter and a skeleton to edit, then checks them.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { siteConfig } from '../lib/config/site-config';
import { registries } from '../lib/data/registries';

const [kind, slug] = process.argv.slice(2);
const collections: Record<string, string> = { report: 'reports', brief: 'briefs' };
if (!collections[kind] || !slug || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
  console.error('Usage: npm run new -- report <slug>   or   npm run new -- brief <slug>\nThe slug is lower case with hyphens, e.g. caregiver-mental-health.');
  process.exit(2);
}
const config = siteConfig();
const reg = registries();
const today = new Date().toISOString().slice(0, 10);
const words: Record<string, { title: string; summary: string; section: string; text: string; keyMessage: string; status: string }> = {
  en: { title: `New ${kind}: ${slug}`, summary: 'One or two sentences saying what the reader will learn.', section: 'First section', text: 'Write in your own words; cite every figure.', keyMessage: 'A key message, in one sentence.', status: 'original' },
  km: { title: `${kind === 'report' ? 'របាយការណ៍' : 'សេចក្តីសង្ខេប'}ថ្មី៖ ${slug}`, summary: 'ប្រយោគមួយ ឬពីរ អំពីអ្វីដែលអ្នកអាននឹងដឹង។', section: 'ផ្នែកទីមួយ', text: 'សរសេរជាពាក្យរបស់អ្នក ហើយយោងតួលេខនីមួយៗ។', keyMessage: 'សារសំខាន់មួយ ក្នុងប្រយោគមួយ។', status: 'translated' },
};
const created: string[] = [];
for (const locale of config.locales) {
  const w = words[locale.code] ?? words.en;
  const file = path.join(config.contentRoot, collections[kind], locale.code, `${slug}.mdx`);
  if (existsSync(file)) {
    console.error(`${file} already exists; choose another slug.`);
    process.exit(1);
  }
  const status = locale.code === config.defaultLocale ? 'original' : w.status;
  const text = [
    '---',
    `title: "${w.title}"`,
    `summary: "${w.summary}"`,
    `date: ${today}`,
    `country: ${reg.countries[0].id}`,
    `themes: [${reg.themes[0].id}]`,
    `source: ${reg.sources[0].id}`,
    `translation: ${status}`,
    ...(kind === 'brief' ? ['keyMessages:', `  - "${w.keyMessage}"`] : []),
    '---',
    '',
    `## ${w.section}`,
    '',
    `${w.text} <Cite source="${reg.sources[0].id}" at="Section 1" />`,
    '',
  ].join('\n');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  created.push(file);
}
console.log(`Created:\n${created.map((f) => `  ${f}`).join('\n')}\nEdit the frontmatter (country, themes, source) and the text, then run npm run check.`);
