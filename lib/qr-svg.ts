import QRCode from 'qrcode';

// A QR code as inline SVG, drawn on the server (no script, no image request, works offline), with an
// accessible name so a screen reader announces what it is.

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return svg.replace('<svg ', `<svg role="img" aria-label="${escape(label)}" width="200" height="200" `);
}
