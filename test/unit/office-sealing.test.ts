// #16 item 2: what the office server holds is sealed or keyed, and it still answers lookups.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  officeKeys,
  openValue,
  prefixIndexes,
  queryTokens,
  sealValue,
  textTokens,
} from '../../electron/services/office/office-sealing';
import { nameKey } from '../../shared/domain/names';

const keys = officeKeys(randomBytes(32), 1);
const place = { table: 'cases', column: 'subject_name', rowId: 'c1' };
const hex = (bs: Buffer[]) => new Set(bs.map((b) => b.toString('hex')));

describe('sealed values', () => {
  it('open what was sealed, for any text or bytes, padded or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 5000 })), fc.constantFrom(0, 16, 4096), (value, padTo) => {
        const plain = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
        const sealed = sealValue(keys, plain, place, padTo);
        expect(openValue(keys, sealed, place, padTo > 0).equals(plain)).toBe(true);
        if (padTo > 0) expect((sealed.length - 5 - 12 - 16) % padTo).toBe(0);
      }),
    );
  });

  it('never contains the plaintext, and two seals of one value differ', () => {
    const marker = 'MARKER-髙橋-1234567';
    const a = sealValue(keys, marker, place);
    const b = sealValue(keys, marker, place);
    expect(a.includes(Buffer.from(marker, 'utf8'))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('refuses another row, column, key or any flipped byte', () => {
    const sealed = sealValue(keys, '山田太郎', place);
    expect(() => openValue(keys, sealed, { ...place, rowId: 'c2' })).toThrow();
    expect(() => openValue(keys, sealed, { ...place, column: 'subject_kana' })).toThrow();
    expect(() => openValue(officeKeys(randomBytes(32), 1), sealed, place)).toThrow();
    expect(() => openValue(officeKeys(randomBytes(32), 2), sealed, place)).toThrow(/version/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sealed.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bad = Buffer.from(sealed);
        bad[at]! ^= flip;
        expect(() => openValue(keys, bad, place)).toThrow();
      }),
    );
  });
});

describe('blind indexes', () => {
  it('equal name keys match across variant spellings (R3); the MAC depends on the office key and purpose', () => {
    const a = blindIndex(keys, 'name', nameKey('髙橋 花子'));
    expect(a.equals(blindIndex(keys, 'name', nameKey('高橋　花子')))).toBe(true);
    expect(a.equals(blindIndex(keys, 'kana', nameKey('髙橋 花子')))).toBe(false);
    expect(a.equals(blindIndex(officeKeys(randomBytes(32), 1), 'name', nameKey('髙橋 花子')))).toBe(false);
  });

  it('a name key starts with q exactly when its prefix MACs hold q`s whole-prefix MAC', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), (name, q) => {
        const key = nameKey(name);
        const qk = nameKey(q);
        fc.pre(qk.length > 0);
        const held = hex(prefixIndexes(keys, 'name', key));
        const asked = prefixIndexes(keys, 'name', qk).at(-1)!.toString('hex');
        expect(held.has(asked)).toBe(key.startsWith(qk) && [...qk].length <= 12);
      }),
    );
  });
});

describe('scanned-text tokens', () => {
  it('every substring of three or more characters finds its page (no false negative)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 3, maxLength: 60 }), fc.nat(), fc.nat(), (text, i, j) => {
        const chars = [...text.normalize('NFC')]; // what a search box sends (the contract's text() is NFC)
        const start = i % chars.length;
        const end = Math.min(chars.length, start + 3 + (j % 10));
        const query = chars.slice(start, end).join('');
        const held = hex(textTokens(keys, text));
        for (const t of queryTokens(keys, query)) expect(held.has(t.toString('hex'))).toBe(true);
      }),
    );
  });

  it('finds 山田太郎 across an ideographic space and holds no readable text', () => {
    const page = '氏名　山田　太郎　住所　東京都千代田区';
    const tokens = textTokens(keys, page);
    const held = hex(tokens);
    expect(queryTokens(keys, '山田太郎').every((t) => held.has(t.toString('hex')))).toBe(true);
    expect(queryTokens(keys, '大阪府').every((t) => held.has(t.toString('hex')))).toBe(false);
    expect(Buffer.concat(tokens).includes(Buffer.from('山田', 'utf8'))).toBe(false);
  });
});
