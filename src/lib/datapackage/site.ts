/** The site's data package: datapackage.json, the zip of all data, and what the data page lists. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { siteConfig } from '../config/site-config';
import { registries } from '../data/registries';
import { DIRECTIONS, UNITS } from '../data/findings';
import { PRACTICE_TOPIC_KINDS, RECOMMENDATION_KINDS } from '../data/recommendations';
import { localizedPath, withBase } from '../i18n/paths';
import { assertColumnsMatch, type PackagedFile } from './dictionary';
import { dataPackage } from './package';

/** Where the data is served from (under the base path): /data/… */
export const DATA_DIR = 'data';
export const PACKAGE_FILE = 'datapackage.json';
export const ZIP_FILE = 'migration-families-data.zip';

export const ENUMS = {
  'findings/*.csv': { unit: UNITS, direction: DIRECTIONS },
  'recommendations.csv': { kind: RECOMMENDATION_KINDS },
  'practice-topics.csv': { kind: PRACTICE_TOPIC_KINDS },
};

function absolute(sitePath: string): string {
  const config = siteConfig();
  return new URL(withBase(config.base, sitePath), config.url).href;
}

/** Site path (with base) of a packaged file, the package or the zip. */
export function dataHref(file: string): string {
  return withBase(siteConfig().base, `${DATA_DIR}/${file}`);
}

let cachedFiles: PackagedFile[] | undefined;
/** Every packaged file; fails (DataError) when a file's columns differ from data/columns.csv. */
export function siteDataFiles(): PackagedFile[] {
  cachedFiles ??= assertColumnsMatch(path.resolve(process.cwd(), siteConfig().dataRoot));
  return cachedFiles;
}

export function siteDataPackage() {
  const config = siteConfig();
  const en = config.defaultLocale;
  return dataPackage({
    dataRoot: path.resolve(process.cwd(), config.dataRoot),
    files: siteDataFiles(),
    sources: registries().sources,
    enums: ENUMS,
    dataUrl: absolute(`${DATA_DIR}/`),
    licensePath: absolute(localizedPath(en, 'data')) + '#reuse',
    reportUrl: (s) => absolute(localizedPath(en, `reports/${s.report}`)),
    title: `${config.identity.title[en]}: data`,
    description: 'Every data file of the site: findings copied exactly from the source documents (one observation a row, each with its source, section and locator), recommendations, practices, the theme and source registries and the Khmer glossary. Empty cells mean "not given", never zero.',
    homepage: absolute(localizedPath(en, 'data')),
    organisation: config.identity.organisation[en],
  });
}

export function siteDataPackageJson(): string {
  return JSON.stringify(siteDataPackage(), null, 2) + '\n';
}

/** One zip of every packaged file and datapackage.json, in one folder; fixed dates, so the same data gives the same bytes. */
let cachedZip: Uint8Array | undefined;
export function siteDataZip(): Uint8Array {
  cachedZip ??= makeZip();
  return cachedZip;
}
function makeZip(): Uint8Array {
  const root = path.resolve(process.cwd(), siteConfig().dataRoot);
  const folder = 'migration-families-data';
  const mtime = new Date('2000-01-01T00:00:00Z');
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {
    [`${folder}/${PACKAGE_FILE}`]: [strToU8(siteDataPackageJson()), { mtime }],
  };
  for (const f of siteDataFiles()) entries[`${folder}/${f.path}`] = [new Uint8Array(readFileSync(path.join(root, f.path))), { mtime }];
  return zipSync(entries, { level: 9 });
}
