/** See png.mjs. */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Buffer | undefined;
