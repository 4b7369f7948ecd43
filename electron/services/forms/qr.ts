/**
 * The form's QR code as vector rectangles: sharp at any print resolution, and no image
 * decoder needed. Runs of dark modules in a row become one rectangle (smaller content).
 * All of them form ONE path filled once, in module units under one matrix (`cm`): small
 * integers instead of a q/colour/path/Q group of long decimals per rectangle, ~15x less
 * content to build and compress for each letter page (issue #14).
 */
import QRCode from 'qrcode';
import { concatTransformationMatrix, fill, popGraphicsState, pushGraphicsState, rectangle, setFillingColor, type PDFOperator, type PDFPage } from 'pdf-lib';
import type { Zone } from '../../../shared/domain/application-form';
import { BLACK, pdfRect } from './draw';

export function drawQr(page: PDFPage, payload: string, zone: Zone): void {
  // Q (25 % recovery): a pen stroke or stamp over the code still leaves it readable.
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'Q' });
  const n = modules.size;
  const m = zone.width / n;
  const origin = pdfRect(zone);
  // Module units, y down from the zone's top: module (col, row) is the unit square at (col, row).
  const ops: PDFOperator[] = [pushGraphicsState(), concatTransformationMatrix(m, 0, 0, -m, origin.x, origin.y + origin.height), setFillingColor(BLACK)];
  // A hair of overlap (0.05 pt) so adjacent rows print without white seams.
  const height = Math.round((1 + 0.05 / m) * 1000) / 1000;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      ops.push(rectangle(start, row, col - start, height));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}
