/** wawoff2 ships no types: its decoder takes WOFF2 bytes and resolves to the TrueType bytes inside. */
declare module 'wawoff2/decompress.js' {
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
