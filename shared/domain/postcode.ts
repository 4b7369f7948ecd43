/**
 * Japanese postcodes (郵便番号): 7 digits, written 123-4567, 〒1234567, full-width or with a
 * long dash. Pure; the lookup itself (Japan Post data) runs on the service side.
 */
export function normalisePostcode(text: string): string | null {
  const s = text.normalize('NFKC').replace(/^\s*〒?\s*/u, '').replace(/[\s\-‐‑‒–—―−ー]/gu, '');
  return /^\d{7}$/.test(s) ? s : null;
}

/** 1234567 -> 123-4567 */
export const formatPostcode = (digits: string): string => `${digits.slice(0, 3)}-${digits.slice(3)}`;

export interface PostcodeAddress {
  prefecture: string;
  city: string;
  /** 町域; empty when the code covers the whole city (以下に掲載がない場合). */
  town: string;
  /** prefecture + city + town, ready to be completed with the block number. */
  address: string;
}
