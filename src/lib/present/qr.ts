/** QR codes as SVG markup, made at build time (no script, sharp at any size, prints as vectors). */
import QRCode from 'qrcode';

export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#000000', light: '#ffffff' } });
  // Give it a role and name where it is used; here only drop fixed sizes so CSS sizes it.
  return svg.replace(/ width="\d+" height="\d+"/, '');
}
