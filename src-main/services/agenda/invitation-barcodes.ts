/**
 * The attendee's code as pictures (bwip-js, PNG): a QR code for the invitation (phones show it at the door, the
 * camera reads it) and a Code 128 bar code for the badge (handheld laser scanners read it). The text under the
 * bar code is drawn by the badge itself, in its own font, so the PDF's text carries the code.
 */
// Loaded when a code is first drawn: bwip-js (like pdf-lib) is large, and every start of the app and the CLI would
// otherwise pay for it.
const bwip = async () => (await import('bwip-js/node')).default;

export async function qrPng(code: string): Promise<Buffer> {
  const bwipjs = await bwip();
  // BWIPP's default error correction (level M) survives a creased print-out; 4 px a module is sharp on a phone.
  // White behind it and a quiet zone around: bwip-js leaves the PNG transparent, which a dark mail theme or
  // phone screen turns into black on black.
  return bwipjs.toBuffer({ bcid: 'qrcode', text: code, scale: 4, padding: 4, backgroundcolor: 'FFFFFF' });
}

export async function code128Png(code: string): Promise<Buffer> {
  const bwipjs = await bwip();
  // Tall bars at 3 px a module: printed 45 mm wide that is well above the 0.25 mm a cheap scanner needs.
  return bwipjs.toBuffer({
    bcid: 'code128',
    text: code,
    scale: 3,
    height: 10,
    includetext: false,
    backgroundcolor: 'FFFFFF',
  });
}
