import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTrackingNumber,
  formatTrackingNumber,
  s10CheckDigit,
  withDomesticCheckDigit,
} from '../../shared/domain/tracking-number';

describe('tracking numbers (M1)', () => {
  it.each([
    // 12345678901 mod 7 = 3
    ['123456789013', { valid: true, kind: 'domestic', checkDigit: true, normalized: '123456789013' }],
    ['1234-5678-9013', { valid: true, normalized: '123456789013' }],
    ['１２３４－５６７８－９０１３', { valid: true, normalized: '123456789013' }],
    [' 1234 5678 9013 ', { valid: true, normalized: '123456789013' }],
    ['123456789016', { valid: false, reason: 'check_digit', expected: '3' }],
    ['12345678901', { valid: true, kind: 'domestic', checkDigit: false }],
    ['1234567890123', { valid: true, kind: 'domestic', checkDigit: false }],
    ['1234567890', { valid: false, reason: 'format' }],
    ['12345678901234', { valid: false, reason: 'format' }],
    ['RR473124829JP', { valid: true, kind: 's10', checkDigit: true }],
    ['rr 473 124 829 jp', { valid: true, kind: 's10', normalized: 'RR473124829JP' }],
    ['RR473124828JP', { valid: false, reason: 'check_digit', expected: '9' }],
    ['R473124829JP', { valid: false, reason: 'format' }],
    ['', { valid: false, reason: 'format' }],
  ])('%s', (input, expected) => {
    expect(checkTrackingNumber(input)).toMatchObject(expected);
  });

  it('S10 check digits map 10 to 0 and 11 to 5', () => {
    expect(s10CheckDigit('47312482')).toBe(9);
    // sums chosen so that 11 - sum%11 is 10 and 11
    expect([...Array(100000).keys()].some((i) => s10CheckDigit(String(i).padStart(8, '0')) === 0)).toBe(true);
    expect([...Array(100000).keys()].some((i) => s10CheckDigit(String(i).padStart(8, '0')) === 5)).toBe(true);
  });

  it('accepts every 12-digit number with its check digit and rejects every other last digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.integer({ min: 0, max: 9 }), (first11, d) => {
        const good = withDomesticCheckDigit(first11);
        expect(checkTrackingNumber(good)).toMatchObject({ valid: true, checkDigit: true });
        const other = first11 + String(d);
        expect(checkTrackingNumber(other).valid).toBe(other === good);
      }),
    );
  });

  it('formats domestic numbers the way receipts print them', () => {
    expect(formatTrackingNumber('123456789013')).toBe('1234-5678-9013');
    expect(formatTrackingNumber('RR473124829JP')).toBe('RR473124829JP');
  });
});
