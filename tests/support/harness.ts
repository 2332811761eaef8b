/** One built site served on 127.0.0.1 and one Chromium for a test file, started before and stopped after it. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveBuiltSite } from './site.ts';
import type { StaticServer } from './static-server.ts';

export interface Harness {
  server: StaticServer;
  browser: Browser;
}

/** `browserEnv` adds to the browser's environment (e.g. FONTCONFIG_FILE to hide fonts, see fonts.ts). */
export function useBuiltSiteAndBrowser(browserEnv: Record<string, string> = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.server = await serveBuiltSite();
    harness.browser = await launchBrowser(browserEnv);
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}
