/**
 * Loaded into a benchmarked build with NODE_OPTIONS=--import (bench:build --heap): writes the build's
 * memory as V8 and Node see it, once a second, to HEAP_PROBE_FILE as JSON lines with the time (`at`, ms
 * since 1970). The main thread writes resident, JavaScript heap used, external (strings and buffers outside
 * the heap) and array buffers; each worker thread its own heap, with its thread id. All in MB.
 */
import { appendFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

const file = process.env.HEAP_PROBE_FILE;
const mb = (n) => Math.round(n / 1048576);
if (file && (!isMainThread || process.argv.some((a) => a.endsWith('astro.mjs')))) {
  setInterval(() => {
    const m = process.memoryUsage();
    const sample = isMainThread ? { rss: mb(m.rss), heap: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) } : { thread: threadId, heap: mb(m.heapUsed), external: mb(m.external) };
    appendFileSync(file, JSON.stringify({ at: Date.now(), ...sample }) + '\n');
  }, 1000).unref();
}
