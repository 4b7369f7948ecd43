import sharp from 'sharp';
import { parseLetterQr } from '@shared/domain/letters';
import type { GreyPage } from '../imaging';
import { MM, PAGE, QR_ZONE } from '../letters/render/geometry';
import { qrPayload } from './form-reader';

export interface LetterQr {
  caseNo: string;
  letterId: string;
}

/** Margin around the printed QR: a returned notice is often scanned shifted or a little scaled. */
const MARGIN = 18 * MM;

/**
 * The QR code Kaiji prints at the top right of every letter page (render/geometry.ts
 * QR_ZONE): { caseNo, letterId } when this upright page is one of our letters, else null.
 * Only the corner region is decoded, so ordinary pages cost a few milliseconds.
 */
export async function detectLetterQr(page: GreyPage): Promise<LetterQr | null> {
  const scale = page.width / PAGE.width;
  const x = Math.max(0, Math.floor((QR_ZONE.x - MARGIN) * scale));
  const y = Math.max(0, Math.floor((QR_ZONE.y - MARGIN) * scale));
  const width = Math.min(page.width - x, Math.ceil((QR_ZONE.width + 2 * MARGIN) * scale));
  const height = Math.min(page.height - y, Math.ceil((QR_ZONE.height + 2 * MARGIN) * scale));
  if (width <= 0 || height <= 0) return null;
  const region = sharp(page.png).extract({ left: x, top: y, width, height });
  // Plain first; speckled scans decode after a 3x3 median (as the form's QR, form-reader.ts).
  for (const img of [region.clone(), region.clone().median(3)]) {
    const { data, info } = await img.greyscale().raw().toBuffer({ resolveWithObject: true });
    const found = parseLetterQr(qrPayload(data, info.width, info.height) ?? '');
    if (found) return found;
  }
  return null;
}
