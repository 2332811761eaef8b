/**
 * The environment of the processes a build starts. Rolldown (Vite's bundler, a native module) allocates
 * with its own copy of mimalloc, which frees memory back to the system only on a later allocation, after a
 * delay; once bundling is over it allocates nothing more, so what it used, 0.6 GB at 1,154 pages, stayed
 * in the build process to the end. With no delay it is given back as it is freed (measured: the same build
 * time within run-to-run drift). Only `astro build` gets the setting: the share card processes (resvg also
 * allocates through mimalloc) free and take again a picture's worth of memory for every card and end when
 * done, and Pagefind's processes, started by the search workers, are busy to the end; they keep the default.
 */
export const PURGE_SETTING = 'MIMALLOC_PURGE_DELAY';

/** For `astro build`: mimalloc gives freed memory back at once, unless the caller set it otherwise. */
export function astroBuildEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { [PURGE_SETTING]: '0', ...env };
}

/** For a process or worker the build starts: its environment with mimalloc's default delay. */
export function withMimallocDefaults(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { [PURGE_SETTING]: _delay, ...rest } = env;
  return rest;
}
