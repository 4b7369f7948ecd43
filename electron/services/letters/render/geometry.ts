/**
 * Where things sit on a letter page. A4 portrait; zones in PDF points with the ORIGIN
 * TOP-LEFT, y downwards (as in forms/draw.ts); px = pt × dpi / 72.
 *
 * The 長形3号 window envelope (JIS 120 × 235 mm; read landscape, window at the top left):
 * ready-made window envelopes for A4 folded in three put a 90 × 45 mm window 23 mm from the
 * left edge and 13 mm from the top edge. The folded A4 panel is 210 × 99 mm, so it has 25 mm
 * of play along the envelope and 21 mm across it. We assume the panel sits centred
 * lengthwise (±5 mm slip) and pushed towards the window edge (up to 8 mm away from it), and
 * keep the address inside the part of the window that is visible in every such position.
 */
import type { Zone } from '../../../../shared/domain/application-form';

export const MM = 72 / 25.4;
export const PAGE = { width: 595.28, height: 841.89 } as const;

/** Envelope, window and panel in millimetres (envelope coordinates, top-left origin). */
export const NAGA3_WINDOW_ENVELOPE = {
  width: 235,
  height: 120,
  window: { left: 23, top: 13, width: 90, height: 45 },
} as const;

/** A4 folded in three: the top third (0-99 mm) faces the window. Fold lines at 99 and 198 mm. */
export const FOLD_LINES_MM = [99, 198] as const;

/** Position of the sheet's top-left corner inside the envelope (mm), and how far it may slip. */
export const SHEET_IN_ENVELOPE = { left: 12.5, top: 0, slipX: 5, slipDown: 8 } as const;

/** The window on the sheet (mm) when the sheet's top-left corner is at (left, top) in the envelope. */
export function windowOnSheetMm(left: number, top: number): Zone {
  const w = NAGA3_WINDOW_ENVELOPE.window;
  return { x: w.left - left, y: w.top - top, width: w.width, height: w.height };
}

/** Every sheet position we allow for (corners of the slip range). */
export function sheetPositions(): { left: number; top: number }[] {
  const s = SHEET_IN_ENVELOPE;
  return [s.left - s.slipX, s.left + s.slipX].flatMap((left) => [s.top, s.top + s.slipDown].map((top) => ({ left, top })));
}

/** Part of the sheet (mm) that shows through the window in every allowed position. */
export function windowSafeAreaMm(): Zone {
  const zones = sheetPositions().map((p) => windowOnSheetMm(p.left, p.top));
  const x0 = Math.max(...zones.map((z) => z.x));
  const y0 = Math.max(...zones.map((z) => z.y));
  const x1 = Math.min(...zones.map((z) => z.x + z.width));
  const y1 = Math.min(...zones.map((z) => z.y + z.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Text margins of the letter body. */
export const MARGIN = { left: 25 * MM, right: 20 * MM, top: 15 * MM } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const mmZone = (z: Zone, inset = 0): Zone => ({ x: (z.x + inset) * MM, y: (z.y + inset) * MM, width: (z.width - 2 * inset) * MM, height: (z.height - 2 * inset) * MM });

/** The window at the nominal sheet position, in points (tests crop the rendering here). */
export const WINDOW_ON_SHEET: Zone = mmZone(windowOnSheetMm(SHEET_IN_ENVELOPE.left, SHEET_IN_ENVELOPE.top));
/** Visible in every allowed position, in points (15.5-95.5 mm × 13-50 mm). */
export const WINDOW_SAFE_AREA: Zone = mmZone(windowSafeAreaMm());
/** The recipient block (〒, address, name + 様) is drawn inside this: the safe area less 2 mm. */
export const ADDRESS_BLOCK: Zone = mmZone(windowSafeAreaMm(), 2);


/** QR code (modules only; the white page around it is the quiet zone), top right of every page. */
export const QR_ZONE: Zone = { x: 179 * MM, y: 8 * MM, width: 16 * MM, height: 16 * MM };
/** Case number and date, right-aligned at the right margin below the QR code (text next to a QR code confuses OCR). */
export const HEADER_RIGHT = PAGE.width - 15 * MM;
export const CASE_NO_TOP = 27 * MM;
export const DATE_TOP = 32 * MM;
/** Sender block: right column, outside the window even at the largest slip. */
export const SENDER_ZONE: Zone = { x: 118 * MM, y: 42 * MM, width: 77 * MM, height: 36 * MM };
/** The title never starts above this (below the address block and the sender's first lines). */
export const TITLE_MIN_TOP = 74 * MM;
/** Body text stops here; the footer is below. */
export const BODY_BOTTOM = 276 * MM;
/** Where the body starts on pages after the first. */
export const CONTINUATION_TOP = 36 * MM;
/** Footer line: case number and page number. */
export const FOOTER_TOP = 283 * MM;
