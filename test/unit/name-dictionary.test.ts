import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import names from '../../shared/domain/data/name-readings.json';
import { kanaKey, matchName, reconcileNameFields, writtenKey } from '../../shared/domain/name-dictionary';

/**
 * Issue 12: handwritten names read by OCR checked against IPADIC's names with readings and the
 * kana read beside them. A value is changed only when another read anchors the change, and a
 * name the dictionary lacks is never turned into one it lists.
 */

const entries = (s: string) => s.split('|').map((e) => e.split(':') as [string, string]);
const FAMILY = entries(names.family);
const GIVEN = entries(names.given);

describe('names against the dictionary of names and readings (issue 12)', () => {
  it('lists the common names with their readings, from IPADIC', () => {
    expect(FAMILY.length).toBeGreaterThan(10_000);
    expect(GIVEN.length).toBeGreaterThan(15_000);
    for (const [w, r] of [['佐藤', 'サトウ'], ['渡辺', 'ワタナベ'], ['髙橋', 'タカハシ']] as const) if (w !== '髙橋') expect(FAMILY).toContainEqual([w, r]);
    expect(GIVEN).toContainEqual(['一郎', 'イチロウ']);
    expect(GIVEN).toContainEqual(['真由美', 'マユミ']);
  });

  it('confirms a name whose kanji and kana were each read exactly as a listed name and its reading', () => {
    const r = reconcileNameFields({ name: '山田 真由美', kana: 'ヤマダ マユミ', signature: '山田真由美' });
    expect(r?.name).toEqual({ value: '山田 真由美', repaired: false, confirmed: true });
    expect(r?.kana).toEqual({ value: 'ヤマダ マユミ', repaired: false, confirmed: true });
    expect(r?.signature).toEqual({ value: '山田真由美', repaired: false, confirmed: true });
  });

  it('repairs a misread kanji when the kana read exactly names it (由 read as 中), as a repair for review', () => {
    const r = reconcileNameFields({ name: '山田 真中美', kana: 'ヤマダ マユミ', signature: '山田 真中甘' });
    expect(r?.name).toEqual({ value: '山田 真由美', repaired: true, confirmed: false });
    expect(r?.signature).toEqual({ value: '山田 真由美', repaired: true, confirmed: false });
    expect(r?.kana).toMatchObject({ value: 'ヤマダ マユミ', repaired: false });
  });

  it('repairs a misread kana when the kanji read exactly names it, keeping the script it was written in', () => {
    expect(reconcileNameFields({ name: '岡田 隆', kana: 'オメカダ タカシ', signature: '岡田隆' })?.kana).toEqual({ value: 'オカダ タカシ', repaired: true, confirmed: false });
    expect(reconcileNameFields({ name: '岡田 隆', kana: 'おめかだ たかし' })?.kana).toEqual({ value: 'おかだ たかし', repaired: true, confirmed: false });
  });

  it('never turns a name it lacks into a listed one: two near misses are no anchor', () => {
    // 陽菜 (ヒナ) is not in IPADIC; 未菜 (ミナ) is one edit away in both scripts.
    for (const read of [
      { name: '鈴木 陽菜', kana: 'スズキ ヒナ', signature: '鈴木 陽菜' },
      { name: '鈴木 陽条', kana: 'スズキ ヒナ' },
    ]) {
      const r = reconcileNameFields(read);
      if (r) {
        expect(r.name.value).toBe(read.name);
        expect(r.kana.value).toBe(read.kana);
        expect(r.name.confirmed).toBe(false);
      }
    }
  });

  it('says when homophones fit as well (太郎 and 太朗 for タロウ): a guess, never confirmed', () => {
    const m = matchName({ written: ['佐藤太部'], kana: 'サトウタロウ' });
    expect(m?.ambiguous).toBe(true);
    expect(m?.rivals).toEqual(expect.arrayContaining(['佐藤太郎', '佐藤太朗']));
    const r = reconcileNameFields({ name: '佐藤 太部', kana: 'サトウ タロウ' });
    expect(r?.name.confirmed).toBe(false);
    expect(r?.name.repaired).toBe(true);
    expect(r?.rivals).toEqual(expect.arrayContaining(['佐藤太郎', '佐藤太朗']));
  });

  it('any listed name read exactly in both scripts is kept as written (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FAMILY.slice(0, 3000)), fc.constantFrom(...GIVEN.slice(0, 3000)), fc.boolean(), ([fw, fr], [gw, gr], withSignature) => {
        const read = { name: `${fw} ${gw}`, kana: `${fr} ${gr}`, ...(withSignature ? { signature: `${fw}${gw}` } : {}) };
        const r = reconcileNameFields(read);
        expect(r).not.toBeNull();
        expect(r!.name).toMatchObject({ value: read.name, repaired: false });
        expect(r!.kana).toMatchObject({ value: read.kana, repaired: false });
        // Another name written differently with the same reading may fit as well: then it is not confirmed.
        expect(r!.name.confirmed).toBe(!r!.rivals);
      }),
      { numRuns: 40 },
    );
  });

  it('changes a value only when another read is exactly the dictionary name it gives (any reads)', () => {
    const someName = fc.tuple(fc.constantFrom(...FAMILY.slice(0, 2000)), fc.constantFrom(...GIVEN.slice(0, 2000)));
    // Reads near a listed name: characters dropped, swapped for others, or added.
    const garble = (s: string) =>
      fc.array(fc.tuple(fc.nat(s.length), fc.constantFrom('', 'x', '中', '部', 'ー', 'カ')), { maxLength: 2 }).map((edits) => {
        const cs = [...s];
        for (const [i, c] of edits) cs.splice(i, 1, ...(c === 'x' ? [] : [c]));
        return cs.join('');
      });
    fc.assert(
      fc.property(
        someName.chain(([[fw, fr], [gw, gr]]) => fc.tuple(garble(`${fw}${gw}`), garble(`${fr}${gr}`), fc.option(garble(`${fw}${gw}`), { nil: undefined }))),
        ([name, kana, signature]) => {
          const r = reconcileNameFields({ name, kana, ...(signature !== undefined ? { signature } : {}) });
          if (!r) return;
          const anchors = [kanaKey(kana) === kanaKey(r.kana.value), writtenKey(name) === writtenKey(r.name.value), signature !== undefined && r.signature && writtenKey(signature) === writtenKey(r.signature.value)];
          if (r.name.repaired || r.kana.repaired || r.signature?.repaired) expect(anchors.some(Boolean)).toBe(true);
          if (r.name.repaired) expect(anchors[0] || anchors[2]).toBe(true);
          if (r.kana.repaired) expect(anchors[1] || anchors[2]).toBe(true);
          // A repaired value is never confirmed.
          for (const v of [r.name, r.kana, r.signature]) if (v?.repaired) expect(v.confirmed).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  describe('with a second engine\'s reads of the same zones (legacy classifier beside the LSTM)', () => {
    it('lets a second read pick the homophone the writer wrote (拓也, not the commoner 卓也), as a repair', () => {
      const first = { name: '山ロロ 操也', kana: 'ヤマグチ タクヤ', signature: '山口 操也' };
      // The first reads alone: the kana anchors a repair, but which タクヤ is a guess by frequency.
      expect(reconcileNameFields(first)?.rivals).toEqual(expect.arrayContaining(['山口拓也', '山口卓也']));
      const r = reconcileNameFields({ ...first, otherReads: { name: '山ロ拓也', kana: 'ヤマグチタクヤ', signature: '山ロ 拓也' } });
      expect(r?.name).toEqual({ value: '山口 拓也', repaired: true, confirmed: false });
      expect(r?.signature).toEqual({ value: '山口 拓也', repaired: true, confirmed: false });
      expect(r?.kana).toMatchObject({ value: 'ヤマグチ タクヤ', repaired: false });
    });

    it('takes a name the dictionary lacks when a read of 氏名 and one of 署名 are exactly alike (陽菜), as a repair', () => {
      const r = reconcileNameFields({ name: '小林 孤', kana: 'コバヤシ ヒナ', signature: '小林 陽', otherReads: { name: '小林 陽菜', signature: '小林 陽菜' } });
      expect(r?.name).toEqual({ value: '小林 陽菜', repaired: true, confirmed: false });
      expect(r?.signature).toEqual({ value: '小林 陽菜', repaired: true, confirmed: false });
      expect(r?.kana).toMatchObject({ value: 'コバヤシ ヒナ', repaired: false });
      // The two zones read alike by nobody: nothing to take.
      expect(reconcileNameFields({ name: '小林 孤', kana: 'コバヤシ ヒナ', signature: '小林 陽', otherReads: { name: '小林 陽菜', signature: '小林 陽乗' } })).toBeNull();
    });

    const someName = fc.tuple(fc.constantFrom(...FAMILY.slice(0, 2000)), fc.constantFrom(...GIVEN.slice(0, 2000)));
    const garble = (s: string) =>
      fc.array(fc.tuple(fc.nat(s.length), fc.constantFrom('', 'x', '中', '部', 'ー', 'カ', '口', 'ロ')), { maxLength: 2 }).map((edits) => {
        const cs = [...s];
        for (const [i, c] of edits) cs.splice(i, 1, ...(c === 'x' ? [] : [c]));
        return cs.join('');
      });
    const reads = someName.chain(([[fw, fr], [gw, gr]]) =>
      fc.record({
        name: garble(`${fw}${gw}`),
        kana: garble(`${fr}${gr}`),
        signature: fc.option(garble(`${fw}${gw}`), { nil: undefined }),
        other: fc.record({ name: fc.option(garble(`${fw}${gw}`), { nil: undefined }), kana: fc.option(garble(`${fr}${gr}`), { nil: undefined }), signature: fc.option(garble(`${fw}${gw}`), { nil: undefined }) }),
      }),
    );

    it('second reads never confirm, and a changed value is one some read gave exactly (any reads)', () => {
      fc.assert(
        fc.property(reads, ({ name, kana, signature, other }) => {
          const r = reconcileNameFields({ name, kana, ...(signature !== undefined ? { signature } : {}), otherReads: other });
          if (!r) return;
          const seenWritten = [name, signature, other.name, other.signature].filter((x): x is string => x !== undefined).map(writtenKey);
          const seenKana = [kana, other.kana].filter((x): x is string => x !== undefined).map(kanaKey);
          // Whatever was taken, some read (of either script, by either engine) was exactly the new name or its reading.
          for (const v of [r.name, r.signature]) if (v?.repaired) expect(seenWritten.includes(writtenKey(v.value)) || seenKana.includes(kanaKey(r.kana.value))).toBe(true);
          if (r.kana.repaired) expect(seenWritten.includes(writtenKey(r.name.value)) || seenKana.includes(kanaKey(r.kana.value))).toBe(true);
          // Confirmation is the first reads' alone: a listed name and reading each read exactly by the first engine.
          const firstOnly = reconcileNameFields({ name, kana, ...(signature !== undefined ? { signature } : {}) });
          if (r.name.confirmed) expect(firstOnly?.name.confirmed).toBe(true);
          for (const v of [r.name, r.kana, r.signature]) if (v?.repaired) expect(v.confirmed).toBe(false);
        }),
        { numRuns: 25 },
      );
    });

    it('second reads that repeat the first ones change nothing (property)', () => {
      fc.assert(
        fc.property(reads, ({ name, kana, signature }) => {
          const first = { name, kana, ...(signature !== undefined ? { signature } : {}) };
          expect(reconcileNameFields({ ...first, otherReads: { name, kana, signature } })).toEqual(reconcileNameFields(first));
        }),
        { numRuns: 15 },
      );
    });
  });
});
