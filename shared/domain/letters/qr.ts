/**
 * The QR code printed on every page of a letter: `KAIJI-LTR:1:<caseNo>:<letterId>`.
 * Version 1; caseNo and letterId hold letters, digits, '-' and '_' only (case numbers are
 * 2026-0001, letter ids UUIDs), so ':' separates unambiguously. Intake reads it on a
 * scanned page to attach a returned notice to its case.
 */
export const LETTER_QR_PREFIX = 'KAIJI-LTR';
export const LETTER_QR_VERSION = 1;

const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

export function letterQrPayload(caseNo: string, letterId: string): string {
  if (!TOKEN.test(caseNo) || !TOKEN.test(letterId)) throw new Error(`letter QR: unsupported case number or letter id (${caseNo}, ${letterId})`);
  return `${LETTER_QR_PREFIX}:${LETTER_QR_VERSION}:${caseNo}:${letterId}`;
}

/** { caseNo, letterId } of a Kaiji letter QR payload, or null for anything else. */
export function parseLetterQr(text: string): { caseNo: string; letterId: string } | null {
  const m = /^KAIJI-LTR:1:([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,64})$/.exec(text.trim());
  return m ? { caseNo: m[1]!, letterId: m[2]! } : null;
}
