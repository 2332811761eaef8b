/** This build's inputs for page cache keys (src/lib/build/page-cache-key.ts), read once. */
import path from 'node:path';
import { getCollection } from 'astro:content';
import { DEFAULT_CONFIG_FILE, siteConfig } from '../config/site-config';
import { inputsDigest } from '../build/page-cache-key';

let siteDigest: Promise<string> | undefined;

/** This build's inputsDigest, computed once. */
export function siteInputs(): Promise<string> {
  return (siteDigest ??= (async () => {
    const config = siteConfig();
    const entries = (await Promise.all((['reports', 'briefs', 'pages'] as const).map((c) => getCollection(c)))).flat();
    const configFile = path.resolve(process.env.SITE_CONFIG || DEFAULT_CONFIG_FILE);
    return inputsDigest(config, path.dirname(configFile), path.resolve(config.dataRoot), path.resolve('package-lock.json'), entries);
  })());
}

