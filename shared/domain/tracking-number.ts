/**
 * Registered-mail tracking numbers (お問い合わせ番号, M1).
 * - Domestic: 11-13 digits, hyphens and spaces ignored. A 12-digit number ends in a check
 *   digit: the first 11 digits as a number, mod 7.
 * - International (UPU S10): two letters, 8 digits, a check digit, the country code
 *   (e.g. RR123456785JP).
 */
export type TrackingKind = 'domestic' | 's10';

export type TrackingCheck =
  | { valid: true; normalized: string; kind: TrackingKind; checkDigit: boolean }
  | { valid: false; normalized: string; reason: 'format' | 'check_digit'; expected?: string };

export function normalizeTrackingNumber(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑–—ー]/g, '');
}

export function checkTrackingNumber(input: string): TrackingCheck {
  const n = normalizeTrackingNumber(input);
  if (/^\d{11,13}$/.test(n)) {
    if (n.length !== 12) return { valid: true, normalized: n, kind: 'domestic', checkDigit: false };
    const expected = String(Number(BigInt(n.slice(0, 11)) % 7n));
    return n[11] === expected
      ? { valid: true, normalized: n, kind: 'domestic', checkDigit: true }
      : { valid: false, normalized: n, reason: 'check_digit', expected };
  }
  const s10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(n);
  if (s10) {
    const expected = String(s10CheckDigit(s10[2]!));
    return s10[3] === expected
      ? { valid: true, normalized: n, kind: 's10', checkDigit: true }
      : { valid: false, normalized: n, reason: 'check_digit', expected };
  }
  return { valid: false, normalized: n, reason: 'format' };
}

/** UPU S10: weights 8 6 4 2 3 5 9 7; 11 - sum mod 11, with 10 -> 0 and 11 -> 5. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** As printed on Japan Post receipts: 1234-5678-9012; S10 numbers unchanged. */
export function formatTrackingNumber(normalized: string): string {
  if (/^\d{12}$/.test(normalized)) return normalized.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3');
  return normalized;
}

/** A valid 12-digit domestic number from 11 digits (demo data, tests). */
export function withDomesticCheckDigit(first11: string): string {
  return first11 + String(Number(BigInt(first11) % 7n));
}
