import type { Bilingual } from '../../result';
import { addressKey, nameKey, spellingKey } from '../names';
import type { RuleStatus } from './types';

/**
 * Comparing the name and address on an ID document with those on the application (D1-D5).
 *
 *  - pass: equal by spellingKey / addressKey (spacing, full/half width, katakana/hiragana and
 *    block notation 1丁目2番3号 = 1-2-3 are not differences);
 *  - needs_review: equal only once notation is set aside, which a program cannot confirm:
 *    old/variant kanji (髙/高, 﨑/崎, 邊/辺, 澤/沢 ...), a name written in kana on one side and
 *    kanji on the other, a name in Latin letters (passports) against a Japanese one, an
 *    address with or without the prefecture, kanji numerals (二丁目) or the building omitted;
 *  - fail: different.
 */
export interface Match {
  status: RuleStatus;
  code: 'equal' | 'variant' | 'script_differs' | 'partial' | 'different' | 'missing';
  message: Bilingual;
}

/** Old and variant forms (旧字体・異体字) folded to the common form. Not exhaustive on purpose. */
const VARIANTS: Record<string, string> = {
  髙: '高', 﨑: '崎', 嵜: '崎', 碕: '崎', 邊: '辺', 邉: '辺', 澤: '沢', 齋: '斎', 齊: '斎', 斉: '斎',
  濱: '浜', 國: '国', 廣: '広', 櫻: '桜', 藏: '蔵', 德: '徳', 惠: '恵', 榮: '栄', 眞: '真',
  實: '実', 壽: '寿', 與: '与', 淺: '浅', 瀨: '瀬', 邨: '村', 冨: '富', 槇: '槙', 龍: '竜',
  條: '条', 當: '当', 圓: '円', 黑: '黒', 嶋: '島', 嶌: '島', 峯: '峰', 舘: '館', 渕: '淵',
  '\u{20BB7}': '吉', 穗: '穂', 縣: '県', 驛: '駅', 學: '学', 萬: '万', 豐: '豊', 禮: '礼',
  會: '会', 鐵: '鉄', 佛: '仏', 莊: '荘', 晉: '晋', 兒: '児', 藝: '芸', 檜: '桧', 郞: '郎', 﨔: '欅', 廳: '庁',
};

function foldVariants(s: string): string {
  return Array.from(s, (c) => VARIANTS[c] ?? c).join('');
}

const SMALL_KANA: Record<string, string> = { ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', っ: 'つ', ゃ: 'や', ゅ: 'ゆ', ょ: 'よ', ゎ: 'わ' };

/** Readings written loosely: small kana as large, the long-vowel mark dropped (タロー / たろう stay different only by ー/う). */
function foldKana(s: string): string {
  return Array.from(s, (c) => SMALL_KANA[c] ?? c)
    .join('')
    .replace(/ー/g, '')
    .replace(/(?<=[おこそとのほもよろごぞどぼぽ])う/g, '');
}

const KANA_ONLY = /^[\u3041-\u3096\u309d\u309e\u30fc]+$/u;
const LATIN_ONLY = /^[a-z.,'-]+$/;

type Script = 'kana' | 'latin' | 'kanji';
function script(key: string): Script {
  if (KANA_ONLY.test(key)) return 'kana';
  if (LATIN_ONLY.test(key)) return 'latin';
  return 'kanji';
}

const equalMsg = (what: Bilingual): Bilingual => ({ ja: `${what.ja}が一致します。`, en: `The ${what.en} matches.` });

/**
 * @param onApplication the name on the application form
 * @param onDocument the name on the ID document
 * @param reading the kana reading given on the form (フリガナ), used when the document shows kana
 */
export function matchName(onApplication: string, onDocument: string, reading?: string): Match {
  // Equal as written (spacing, width, kana script aside); a variant kanji is a difference to review.
  const a = spellingKey(onApplication);
  const b = spellingKey(onDocument);
  if (a === '' || b === '') {
    return {
      status: 'needs_review',
      code: 'missing',
      message: { ja: '氏名が記録されていないため照合できません。', en: 'A name is not recorded, so it cannot be compared.' },
    };
  }
  if (a === b) return { status: 'pass', code: 'equal', message: equalMsg({ ja: '氏名', en: 'name' }) };
  if (foldVariants(a) === foldVariants(b) || nameKey(a) === nameKey(b)) {
    return {
      status: 'needs_review',
      code: 'variant',
      message: {
        ja: `氏名の字体が異なります（「${onApplication}」と「${onDocument}」）。同一人か確認してください。`,
        en: `The name is written with variant characters ("${onApplication}" / "${onDocument}"). Confirm it is the same person.`,
      },
    };
  }
  const sa = script(a);
  const sb = script(b);
  if (sa !== sb) {
    // The document shows kana, the form kanji: the form's reading (フリガナ) is comparable with it.
    const r = reading ? spellingKey(reading) : '';
    if (sa === 'kanji' && sb === 'kana' && r !== '' && script(r) === 'kana' && foldKana(r) !== foldKana(b)) {
      return {
        status: 'fail',
        code: 'different',
        message: {
          ja: `氏名が一致しません（「${onApplication}」（フリガナ「${reading}」）と「${onDocument}」）。`,
          en: `The names differ ("${onApplication}" read "${reading}" / "${onDocument}").`,
        },
      };
    }
    return {
      status: 'needs_review',
      code: 'script_differs',
      message: {
        ja: `氏名の表記（かな・漢字・ローマ字）が異なるため自動では照合できません（「${onApplication}」と「${onDocument}」）。`,
        en: `The names are written in different scripts ("${onApplication}" / "${onDocument}") and cannot be compared automatically.`,
      },
    };
  }
  return {
    status: 'fail',
    code: 'different',
    message: { ja: `氏名が一致しません（「${onApplication}」と「${onDocument}」）。`, en: `The names differ ("${onApplication}" / "${onDocument}").` },
  };
}

const KANJI_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二十三 -> 23 (1-99). */
function kanjiNumber(s: string): string {
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = KANJI_DIGITS[c] ?? 0;
  }
  return String(total + current);
}

const PREFECTURE = /^(東京都|北海道|京都府|大阪府|[^都道府県]{2,3}県)/u;

/** addressKey, then notation set aside: prefecture, kanji numerals, ヶ/ケ/が, の/ノ/之, variants. */
export function looseAddressKey(address: string): string {
  const numerals = address
    .normalize('NFKC')
    .replace(/[一二三四五六七八九十]+(?=丁目|番|号)/gu, (m) => kanjiNumber(m));
  return foldVariants(addressKey(numerals))
    .replace(PREFECTURE, '')
    .replace(/[ヶケヵが]/gu, 'ケ')
    .replace(/[のノ之]/gu, '');
}

export function matchAddress(onApplication: string, onDocument: string): Match {
  const a = addressKey(onApplication);
  const b = addressKey(onDocument);
  if (a === '' || b === '') {
    return {
      status: 'needs_review',
      code: 'missing',
      message: { ja: '住所が記録されていないため照合できません。', en: 'An address is not recorded, so it cannot be compared.' },
    };
  }
  if (a === b) return { status: 'pass', code: 'equal', message: equalMsg({ ja: '住所', en: 'address' }) };
  const la = looseAddressKey(onApplication);
  const lb = looseAddressKey(onDocument);
  const quoted: Bilingual = { ja: `「${onApplication}」と「${onDocument}」`, en: `"${onApplication}" / "${onDocument}"` };
  if (la === lb) {
    return {
      status: 'needs_review',
      code: 'variant',
      message: {
        ja: `住所の表記が異なります（${quoted.ja}）。同じ住所か確認してください。`,
        en: `The address is written differently (${quoted.en}). Confirm it is the same address.`,
      },
    };
  }
  // One is the other plus a building / room (the rest does not continue a number: 1-2-3 vs 1-2-30 differ).
  const [short, long] = la.length <= lb.length ? [la, lb] : [lb, la];
  if (short.length > 0 && long.startsWith(short) && !(/\d$/.test(short) && /^\d/.test(long.slice(short.length)))) {
    return {
      status: 'needs_review',
      code: 'partial',
      message: {
        ja: `住所の一方に建物名等が書かれていません（${quoted.ja}）。同じ住所か確認してください。`,
        en: `One address lacks the building or room (${quoted.en}). Confirm it is the same address.`,
      },
    };
  }
  return { status: 'fail', code: 'different', message: { ja: `住所が一致しません（${quoted.ja}）。`, en: `The addresses differ (${quoted.en}).` } };
}
