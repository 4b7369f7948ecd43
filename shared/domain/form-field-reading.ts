/**
 * From OCR text to the value a text field of the company's form holds (issue 12: text fields on
 * realistic scans). Each field has a shape (I3): a date is an era date, a phone number is digits
 * in three groups, a postcode is 7 digits, kana is kana, an address starts with its prefecture
 * and city. OCR's usual slips on handwriting that the shape leaves no doubt about are repaired
 * (a junk mark after a name, 昭和 read as 照和, 県 read as another kanji where the postcode says
 * which prefecture it is); whatever is repaired or does not fit is reported, so the caller flags
 * it for review instead of passing a plausible-but-wrong value. Pure, for services and tests.
 */
import type { FieldName } from './application-form';
import { ERAS, formatEraDate, parseJapaneseDate } from './era';
import { normalisePostcode, formatPostcode, type PostcodeAddress } from './postcode';

export interface FieldReading {
  value: string;
  /** The text did not have the field's shape as read and was put into it. */
  repaired: boolean;
  /** The value still does not have the field's shape: it cannot be right as it stands. */
  implausible: boolean;
  /** An independent source agrees with it (the postcode's address for an address). */
  confirmed?: boolean;
}

const KATAKANA = /[\u30a1-\u30fa\u30fc]/u;
const KANA_OR_SPACE = /[\u3041-\u3096\u30a1-\u30fa\u30fc\s]/u;
const NAME_CHAR = /[\p{Script=Han}\u3041-\u3096\u30a1-\u30fa\u30fc々〆ヶ\s]/u;

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Kana only; runs of ー (box lines and dashes read as the long-vowel mark) are noise. */
function kana(text: string): FieldReading {
  const v = squeeze(text);
  let out = [...v].filter((c) => KANA_OR_SPACE.test(c)).join('');
  out = out.replace(/ー{2,}/gu, '').replace(/^ー+/u, '').replace(/ +/g, ' ').trim();
  const implausible = !out || ![...out].some((c) => KATAKANA.test(c) || /[\u3041-\u3096]/u.test(c)) || /(.)\1\1/u.test(out.replace(/ /g, ''));
  return { value: out, repaired: out !== v, implausible };
}

/** A name in kanji/kana; marks that no name holds (a seal's edge read as "(" or "C") dropped. */
function name(text: string): FieldReading {
  const v = squeeze(text);
  const out = [...v].filter((c) => NAME_CHAR.test(c)).join('').replace(/ー{2,}/gu, '').replace(/ +/g, ' ').trim();
  return { value: out, repaired: out !== v, implausible: [...out.replace(/ /g, '')].length < 2 || /\n/.test(text.trim()) };
}

/** Digit look-alikes OCR gives in number fields. */
const DIGIT_LIKE: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', i: '1', '|': '1', Z: '2', z: '2', S: '5', s: '5', B: '8', b: '6', g: '9', q: '9' };
const SEPARATOR = /[-‐‑‒–—―−ー_.,~〜･・]/u;

/** Digits in groups, separators as written; look-alike letters inside a group become digits. */
function digitGroups(text: string): { groups: string[]; repaired: boolean } {
  const v = squeeze(text).replace(/^〒/u, '');
  const groups: string[] = [];
  let cur = '';
  let repaired = false;
  for (const c of v) {
    if (/\d/.test(c)) cur += c;
    else if (SEPARATOR.test(c) || c === ' ') {
      if (cur) groups.push(cur);
      cur = '';
      if (c !== '-') repaired = true;
    } else if (DIGIT_LIKE[c] !== undefined) {
      cur += DIGIT_LIKE[c];
      repaired = true;
    } else repaired = true;
  }
  if (cur) groups.push(cur);
  return { groups, repaired };
}

/** 0X-XXXX-XXXX, 0XX-XXX-XXXX, 090-XXXX-XXXX …: 10 or 11 digits in three groups. */
function phone(text: string): FieldReading {
  const { groups, repaired } = digitGroups(text);
  const digits = groups.join('');
  const value = groups.join('-');
  // One dash lost after the area code (05-93767958): the subscriber's part is always the last 4.
  if (groups.length === 2 && groups[0]!.startsWith('0') && groups[0]!.length <= 5 && groups[1]!.length > 4 && (digits.length === 10 || digits.length === 11)) {
    const [area, rest] = groups as [string, string];
    const split = [area, rest.slice(0, -4), rest.slice(-4)];
    const r = phone(split.join('-'));
    if (!r.implausible) return { ...r, repaired: true };
  }
  const ok = groups.length === 3 && digits.startsWith('0') && (digits.length === 10 || (digits.length === 11 && /^0[5789]0/.test(digits))) && groups[0]!.length <= 5 && groups[2]!.length === 4;
  return { value, repaired, implausible: !ok };
}

function postcode(text: string): FieldReading {
  const { groups, repaired } = digitGroups(text);
  const digits = groups.join('');
  const ok = digits.length === 7 && (groups.length === 1 || (groups.length === 2 && groups[0]!.length === 3));
  return { value: ok ? formatPostcode(digits) : groups.join('-'), repaired: repaired || (ok && groups.length === 1), implausible: !ok };
}

/** First characters OCR gives for each era's name on handwriting (measured on the generator's scans). */
const ERA_READS: readonly { era: string; first: RegExp }[] = [
  { era: '令和', first: /^[令念今合冷命会]/u },
  { era: '平成', first: /^[平半乎干]/u },
  { era: '昭和', first: /^[昭照H品認召紹]/u },
  { era: '大正', first: /^[大太犬]/u },
];

/**
 * An era date: the era's name repaired when its first character or 和/成 is a usual misreading,
 * the digits and 年月日 as read. Implausible unless it is a real date of its era; a birth date
 * must lie in the past, an application date in the present era.
 */
function eraDate(field: FieldName, text: string, today: string): FieldReading {
  const read = eraDateAsRead(field, text, today);
  if (!read.implausible) return read;
  // 年 or 月 lost between two numbers (昭和631月12日, 昭和52年33日): put back where exactly one
  // place gives a date of its era that is plausible for the field; a repair, for review. (After
  // 元 the numbers are all the month's: 平成元11月 is not 平成元年1月.)
  const v = squeeze(text).replace(/\s+/g, '');
  const fits: FieldReading[] = [];
  for (const [sep, gap] of [['年', /^(\D{0,3}?)(?<!元)(\d{2,4})([月日]\d{1,2}日?)$/u], ['月', /^(\D{0,3}?\d{1,2}[年牛])(\d{2,4})(日?)$/u]] as const) {
    const m = gap.exec(v);
    if (!m) continue;
    const digits = m[2]!;
    for (let i = 1; i < digits.length; i++) {
      const r = eraDateAsRead(field, `${m[1]}${digits.slice(0, i)}${sep}${digits.slice(i)}${m[3] || (sep === '月' ? '日' : '')}`, today);
      if (!r.implausible && !fits.some((f) => f.value === r.value)) fits.push(r);
    }
  }
  return fits.length === 1 ? { ...fits[0]!, repaired: true } : read;
}

function eraDateAsRead(field: FieldName, text: string, today: string): FieldReading {
  let v = squeeze(text).replace(/\s+/g, '');
  const original = v;
  v = v.replace(/元年/g, '1年').replace(/(年\d{1,2}月\d{1,2})(?:[昌晶口曰目旦日白ゴ]|)$/u, '$1日');
  const m = /^(\D{0,3}?)(\d{1,2})[年牛](\d{1,2})[月日](\d{1,2})日$/u.exec(v);
  if (!m) return { value: original, repaired: false, implausible: true };
  const prefix = m[1]!;
  let era: string | undefined = ERAS.find((e) => prefix === e.name)?.name;
  if (!era) {
    const candidates = ERA_READS.filter((r) => r.first.test(prefix) || (prefix.length >= 2 && prefix.endsWith(r.era[1]!)));
    // 和 ends both 昭和 and 令和: the first character decides; a lone 和 or nothing is for a person.
    const byFirst = ERA_READS.filter((r) => r.first.test(prefix));
    era = (byFirst.length === 1 ? byFirst[0] : candidates.length === 1 ? candidates[0] : undefined)?.era;
    if (!era && field === 'application.date' && /和/u.test(prefix)) era = '令和';
  }
  const plausibleDate = (iso: string) =>
    field === 'subject.birthDate' ? iso <= today && iso >= `${Number(today.slice(0, 4)) - 120}${today.slice(4)}` : iso.startsWith('20') && iso >= ERAS.at(-1)!.start && iso <= `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (!era) {
    // The era's name half lost (成 for 平成, 和 for 昭和 or 令和, nothing at all): the eras whose
    // name holds what is left and in which the date exists and is plausible for the field; taken
    // when exactly one is (和52年 can only be 昭和), as a repair.
    const rest = [...prefix].filter((c) => /\p{Script=Han}/u.test(c));
    const fits = ERA_READS.map((r) => r.era).filter((e) => rest.every((c) => e.includes(c)) && rest.length <= 1).filter((e) => {
      const iso = parseJapaneseDate(`${e}${m[2]}年${m[3]}月${m[4]}日`);
      return !!iso && plausibleDate(iso);
    });
    if (fits.length !== 1) return { value: original, repaired: false, implausible: true };
    era = fits[0]!;
  }
  const iso = parseJapaneseDate(`${era}${m[2]}年${m[3]}月${m[4]}日`);
  if (!iso) return { value: original, repaired: true, implausible: true };
  const value = formatEraDate(iso);
  return { value, repaired: value !== original, implausible: !plausibleDate(iso) };
}

/** The usual way a block number is written after the town: 5丁目15番16号, 15番地, 3-4-5. */
const BLOCK = /^(\d{1,3})[^\d]{0,2}?目(\d{1,4})[^\d]?番(\d{1,4})(?:号|[^\d]?)$/u;

/**
 * An address. With the postcode's addresses (Japan Post data, looked up by the caller), the
 * read text is matched against them: when it is within a few OCR slips of one, that address is
 * taken as printed by Japan Post (県 misread, 紙屋町 as 父屋町) and the value is confirmed by two
 * independent reads. The block number is put into its usual shape (丁目…番…号).
 */
function address(text: string, postcodeAddresses: readonly PostcodeAddress[], otherRead?: string): FieldReading {
  const v = squeeze(text).replace(/\s+/g, '');
  const o = otherRead === undefined ? null : squeeze(otherRead).replace(/\s+/g, '');
  let value = v;
  let confirmed = false;
  let repaired = false;
  let rest: string | null = null;
  for (const pa of postcodeAddresses) {
    for (const target of [pa.address, `${pa.prefecture}${pa.city}`]) {
      const cut = bestPrefix(v, target);
      const near = (c: { distance: number } | null) => !!c && c.distance <= Math.max(1, Math.floor(target.length / 4));
      // The second engine's read of the zone (the legacy classifier reads these printed-like
      // place names better than the LSTM, its digits worse): it may be the one that matches
      // Japan Post's address; the block number is still the first read's, cut where it fits.
      if (cut && (near(cut) || (o !== null && near(bestPrefix(o, target))))) {
        rest = v.slice(cut.length);
        value = target + rest;
        repaired = cut.distance > 0;
        confirmed = true;
        break;
      }
    }
    if (confirmed) break;
  }
  rest ??= v.replace(/^.*?(?=\d)/u, '');
  const block = BLOCK.exec(rest);
  if (block) {
    const canonical = `${block[1]}丁目${block[2]}番${block[3]}号`;
    if (canonical !== rest) {
      value = value.slice(0, value.length - rest.length) + canonical;
      repaired = true;
    }
  } else {
    // Not the usual block number (a building, 番地, a stray mark read into it): left as read, and
    // for a person to look at, since nothing checked it.
    repaired = true;
  }
  const prefecture = /^(東京都|北海道|京都府|大阪府|\p{Script=Han}{2,3}県)/u.test(value);
  return { value, repaired, implausible: !prefecture || !/\d/.test(value), confirmed };
}

/** The prefix of `read` closest to `target` (edit distance), and how long it is. */
function bestPrefix(read: string, target: string): { length: number; distance: number } | null {
  const a = [...read];
  const b = [...target];
  // dp over target rows; the best column in the last row is the prefix of `read` to cut.
  let prev = Array.from({ length: a.length + 1 }, (_, j) => j);
  for (let i = 1; i <= b.length; i++) {
    const cur = [i];
    for (let j = 1; j <= a.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[j - 1] === b[i - 1] ? 0 : 1));
    prev = cur;
  }
  // Among cuts as close as the best, the one the block number follows (紙屋串3丁目: 串 is the town's
  // misread last character, not the start of what follows).
  const min = Math.min(...prev);
  const cuts = prev.flatMap((d, j) => (d === min ? [j] : []));
  const j = cuts.find((c) => c === a.length || /\d/u.test(a[c]!)) ?? cuts[0]!;
  return { length: a.slice(0, j).join('').length, distance: min };
}

export interface ReadingContext {
  /** Today's date (YYYY-MM-DD): birth dates lie before it, application dates near it. */
  today: string;
  /** Addresses of the postcode read on the same form (empty when none or unknown). */
  postcodeAddresses?: readonly PostcodeAddress[];
  /** The same zone read by a second OCR engine, when it was (addresses: matched against Japan Post's too). */
  otherRead?: string | undefined;
}

/** The value a text field holds, from its OCR text. */
export function readFieldValue(field: FieldName, text: string, ctx: ReadingContext): FieldReading {
  switch (field) {
    case 'subject.kana':
    case 'agent.kana':
      return kana(text);
    case 'subject.name':
    case 'agent.name':
    case 'signature':
      return name(text);
    case 'subject.phone':
    case 'agent.phone':
      return phone(text);
    case 'subject.postalCode':
    case 'agent.postalCode':
      return postcode(text);
    case 'subject.birthDate':
    case 'application.date':
      return eraDate(field, text, ctx.today);
    case 'subject.address':
    case 'agent.address':
      return address(text, ctx.postcodeAddresses ?? [], ctx.otherRead);
    default: {
      const v = squeeze(text);
      // Marks alone (|, 。。, ・: a box's edge, dust or dotted guides on an empty field) are no writing.
      if (v && !/[\p{L}\p{N}]/u.test(v)) return { value: '', repaired: true, implausible: false };
      return { value: v, repaired: false, implausible: /ー{3,}/u.test(v) };
    }
  }
}

/** A postcode as read, normalised, or null (for looking it up). */
export const postcodeOf = (value: string): string | null => normalisePostcode(value);
