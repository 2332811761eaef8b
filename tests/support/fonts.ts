/**
 * Hiding the site's fonts from Chromium, to see a page as a device without them does. Chromium on Linux finds
 * fonts through fontconfig, which reads the file named by FONTCONFIG_FILE: ours includes the system's usual
 * configuration and then rejects every Noto file and every file with Khmer in its name, so local() and the
 * installed-family names in the font stack find nothing and the page downloads its fonts. Other fonts (DejaVu,
 * Liberation) stay, as on a fresh Debian.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type FontsMode = 'hidden' | 'system';

export interface FontsEnvironment {
  mode: FontsMode;
  /** Environment for the browser process (empty when the system's fonts are used as they are). */
  env: Record<string, string>;
  dispose: () => void;
}

export function fontsEnvironment(mode: FontsMode): FontsEnvironment {
  if (mode === 'system') return { mode, env: {}, dispose: () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'fonts-hidden-'));
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont>
    <rejectfont>
      <glob>*/noto/*</glob>
      <glob>*Noto*</glob>
      <glob>*noto*</glob>
      <glob>*Khmer*</glob>
      <glob>*khmer*</glob>
    </rejectfont>
  </selectfont>
</fontconfig>
`,
  );
  return { mode, env: { FONTCONFIG_FILE: file }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Font families fontconfig offers a browser started with `env`: the Noto ones and those that cover Khmer (empty lists when fc-list is missing). */
export function visibleFamilies(env: Record<string, string>): { noto: string[]; khmer: string[] } {
  const families = (pattern: string) => {
    try {
      const out = execFileSync('fc-list', [pattern, 'family'], { env: { ...process.env, ...env }, encoding: 'utf8' });
      return [...new Set(out.split('\n').map((line) => line.split(',')[0].trim()).filter(Boolean))].sort();
    } catch {
      return [];
    }
  };
  return { noto: families(':').filter((f) => /noto/i.test(f)), khmer: families(':lang=km') };
}

/** One line for a log: what the browser can see of the site's fonts. */
export function describeVisibleFonts(env: Record<string, string>): string {
  const { noto, khmer } = visibleFamilies(env);
  const sans = ['Noto Sans', 'Noto Sans Khmer'].filter((f) => noto.includes(f));
  return `${noto.length} Noto families${sans.length ? ` (${sans.join(', ')} among them)` : ''}; Khmer: ${khmer.length ? khmer.join(', ') : 'none'}`;
}
