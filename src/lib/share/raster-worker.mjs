/**
 * Rasterises share cards off the main thread (see render.ts): SVG in, PNG bytes out, so that the second core
 * draws cards while the first renders pages. Plain JavaScript that Node runs as it is, importing only JavaScript (no TypeScript stripping to start up).
 */
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { indexedPng } from './png.mjs';

parentPort.on('message', ({ id, svg }) => {
  try {
    const image = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, background: 'white' }).render();
    const png = indexedPng(image.pixels, image.width, image.height) ?? Buffer.from(image.asPng());
    parentPort.postMessage({ id, png });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
