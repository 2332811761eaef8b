/** Debian's Chromium driven by playwright-core, with the flags this offline machine needs. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found. Install Debian\'s package: apt-get install chromium (or set CHROMIUM_PATH).');
  }
}

/** Launches Chromium; `env` adds to the environment of the browser process (e.g. FONTCONFIG_FILE, see fonts.ts). */
export function launchBrowser(env: Record<string, string> = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, env: { ...process.env, ...env } as Record<string, string> });
}
