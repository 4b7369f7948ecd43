/** #13 item 9: a kana reading Japanese names do not produce is flagged whatever OCR's confidence. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoPeople } from '../../electron/services/demo/demo-people';
import { fieldsToReview } from '../../renderer/src/features/cases/file/fieldReview';
import type { CaseField } from '../../shared/contract';
import { plausibleFieldValue, plausibleReading } from '../../shared/domain/form-values';

/** Syllables of native name readings (no パ行: those come only after ッ or ン). */
const SYLLABLES = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ノ', 'ハ', 'ヒ', 'フ', 'ホ', 'マ', 'ミ', 'ム', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ガ', 'ギ', 'ゴ', 'ジ', 'ダ', 'ド', 'バ', 'ビ', 'ブ', 'シュン', 'キョウ', 'ショウ', 'リョウ', 'ユウ', 'タロウ', 'イッペイ', 'ジュンペイ', 'サンペイ'];
const part = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
const reading = fc.tuple(part, part).map(([a, b]) => `${a} ${b}`);

describe('name readings (kana) that betray a misread', () => {
  it('the reading from the issue, スプキミホ (スギ ミホ misread at 89 %), is flagged; its true reading is not', () => {
    expect(plausibleReading('スプキミホ')).toBe(false);
    expect(plausibleFieldValue('subject.kana', 'スプキミホ')).toBe(false);
    expect(plausibleFieldValue('subject.kana', 'スギ ミホ')).toBe(true);
  });

  it('real readings pass: the demo people, half-voiced kana after ッ or ン, hiragana', () => {
    for (const p of demoPeople(500)) expect(plausibleReading(p.kana), p.kana).toBe(true);
    for (const k of ['イッペイ', 'ジュンペイ', 'テッペイ', 'さとう はなこ', 'ヤマダ　タロウ']) expect(plausibleReading(k), k).toBe(true);
  });

  it('for any reading made of name syllables: plausible; a half-voiced kana slipped in after another kana: flagged', () => {
    fc.assert(
      fc.property(reading, fc.constantFrom('パ', 'ピ', 'プ', 'ペ', 'ポ'), fc.nat(), (r, p, at) => {
        expect(plausibleReading(r)).toBe(true);
        // After a kana other than ッ or ン (the first part's first character never is).
        const first = r.split(' ')[0]!;
        const i = 1 + (at % first.length);
        const before = first[i - 1]!;
        fc.pre(before !== 'ッ' && before !== 'ン');
        expect(plausibleReading(first.slice(0, i) + p + first.slice(i) + r.slice(first.length))).toBe(false);
      }),
    );
  });

  it('a part starting with ン, ッ, ー or a small kana, or ending in ッ, or three of a kind, is flagged', () => {
    for (const k of ['ンタロウ', 'ヤマダ ッタ', 'ーミホ', 'ャマダ', 'ヤマッ ミホ', 'ミミミ', 'ヲサム']) expect(plausibleReading(k), k).toBe(false);
  });
});

describe('the case file flags such a reading', () => {
  const field = (value: string, confidence: number | null, needsReview = false) =>
    ({ field: 'subject.kana', value, confidence, needsReview, zone: null, sourcePageId: null }) as unknown as CaseField;

  it('read at 89 % before the rule existed (stored unflagged): flagged now; typed by staff: left alone', () => {
    expect(fieldsToReview([field('スプキミホ', 89)]).has('subject.kana')).toBe(true);
    expect(fieldsToReview([field('スプキミホ', null)]).has('subject.kana')).toBe(false);
    expect(fieldsToReview([field('スギ ミホ', 89)]).has('subject.kana')).toBe(false);
  });
});
