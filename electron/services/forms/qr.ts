/**
 * The form's QR code as vector rectangles: sharp at any print resolution, and no image
 * decoder needed. Runs of dark modules in a row become one rectangle (smaller content).
 */
import QRCode from 'qrcode';
import type { PDFPage } from 'pdf-lib';
import type { Zone } from '../../../shared/domain/application-form';
import { BLACK, pdfRect } from './draw';

export function drawQr(page: PDFPage, payload: string, zone: Zone): void {
  // Q (25 % recovery): a pen stroke or stamp over the code still leaves it readable.
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'Q' });
  const n = modules.size;
  const m = zone.width / n;
  const origin = pdfRect(zone);
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      page.drawRectangle({
        x: origin.x + start * m,
        y: origin.y + origin.height - (row + 1) * m,
        width: (col - start) * m,
        // A hair of overlap so adjacent rows print without white seams.
        height: m + 0.05,
        color: BLACK,
      });
    }
  }
}
