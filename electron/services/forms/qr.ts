/**
 * The form's QR code as vector rectangles: sharp at any print resolution, and no image
 * decoder needed. Runs of dark modules in a row become one rectangle (smaller content).
 * All of them form ONE path filled once, in module units under one positive matrix (`cm`):
 * small integers instead of a q/colour/path/Q group of 16-digit decimals per rectangle,
 * ~3 KB less per letter page after compression (issue #14). One path has no seams between
 * rows (its coverage is computed for the whole path), so no overlap is needed.
 */
import QRCode from 'qrcode';
import { concatTransformationMatrix, fill, popGraphicsState, pushGraphicsState, rectangle, setFillingColor, type PDFOperator, type PDFPage } from 'pdf-lib';
import type { Zone } from '../../../shared/domain/application-form';
import { BLACK, pdfRect } from './draw';

// The last code made: every page of a letter carries the same one, and choosing its mask
// (8 candidates scored) is ~1.5 ms (#14).
let last: { payload: string; modules: QRCode.BitMatrix } | undefined;

export function drawQr(page: PDFPage, payload: string, zone: Zone): void {
  // Q (25 % recovery): a pen stroke or stamp over the code still leaves it readable.
  if (last?.payload !== payload) last = { payload, modules: QRCode.create(payload, { errorCorrectionLevel: 'Q' }).modules };
  const { modules } = last;
  const n = modules.size;
  const m = zone.width / n;
  const origin = pdfRect(zone);
  // Module (col, row) is the unit square at (col, n - 1 - row): rows counted from the top.
  const ops: PDFOperator[] = [pushGraphicsState(), concatTransformationMatrix(m, 0, 0, m, origin.x, origin.y + origin.height - n * m), setFillingColor(BLACK)];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      ops.push(rectangle(start, n - 1 - row, col - start, 1));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}
