import { describe, expect, it } from 'vitest';
import { astroBuildEnv, withMimallocDefaults } from '../../src/lib/build/process-env';

describe('the environment of the processes a build starts', () => {
  it("has astro build's mimalloc give memory back at once, unless the caller chose a delay", () => {
    expect(astroBuildEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', MIMALLOC_PURGE_DELAY: '0' });
    expect(astroBuildEnv({ MIMALLOC_PURGE_DELAY: '10' }).MIMALLOC_PURGE_DELAY).toBe('10');
  });

  it("keeps mimalloc's default in the processes the build starts and passes everything else on", () => {
    const env = withMimallocDefaults(astroBuildEnv({ ASTRO_CACHE_DIR: '/tmp/cache', SITE_URL: 'https://example.org' }));
    expect(env).toEqual({ ASTRO_CACHE_DIR: '/tmp/cache', SITE_URL: 'https://example.org' });
  });
});
