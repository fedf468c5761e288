import QRCode from "qrcode";
import { escapeHtml } from "../../../shared/html-text.ts";

/** The address a registration's QR code carries: the team's check-in page for that registration (`/pointage/:token`). */
export function checkInUrl(publicUrl: string, checkInToken: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/pointage/${encodeURIComponent(checkInToken)}`;
}

// Medium error correction and a quiet zone of 2 modules: readable by phone cameras from a screen or paper.
const qrOptions = { errorCorrectionLevel: "M", margin: 2 } as const;

/** The QR code as a PNG (for the confirmation mail, as an inline image). */
export function checkInQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...qrOptions, type: "png", scale: 6 });
}

/**
 * The QR code as an inline SVG for a page: an image named by `label` (its text alternative), sized by
 * CSS, black on white whatever the colour scheme (scanners need the contrast).
 */
export async function checkInQrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { ...qrOptions, type: "svg" });
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(label)}" focusable="false" width="200" height="200" class="check-in-qr" `);
}
