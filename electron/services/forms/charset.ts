/**
 * Characters the fillable form's field font must cover, so that whatever a person types
 * into the PDF on a computer shows as glyphs and not as empty boxes (tofu).
 *
 * JIS X 0208 (levels 1 and 2 kanji, kana, symbols, full-width Latin) plus the NEC row 13
 * symbols (①, №) and the IBM extension kanji (髙, 﨑, …), which appear in real names and
 * addresses. The table comes from the platform's EUC-JP decoder (WHATWG index-jis0208), so
 * no character list has to be shipped.
 */

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
/** Half-width katakana: some people type フリガナ this way. */
const HALFWIDTH_KANA = Array.from({ length: 0xff9f - 0xff61 + 1 }, (_, i) => String.fromCharCode(0xff61 + i)).join('');

function jisRows(decoder: TextDecoder, from: number, to: number): string {
  let out = '';
  for (let row = from; row <= to; row++) {
    for (let cell = 1; cell <= 94; cell++) {
      const ch = decoder.decode(new Uint8Array([0xa0 + row, 0xa0 + cell]));
      if (ch !== '\ufffd') out += ch;
    }
  }
  return out;
}

let cached: string | undefined;

/** ~7,500 characters; building the string takes a few milliseconds. */
export function fieldCharset(): string {
  if (cached === undefined) {
    const euc = new TextDecoder('euc-jp');
    // uniqueChars: a few symbols occur twice (e.g. ≒ in row 2 and in NEC row 13).
    cached = uniqueChars(
      [
        PRINTABLE_ASCII,
        HALFWIDTH_KANA,
        jisRows(euc, 1, 15), // symbols, Latin, kana, Greek, Cyrillic, box drawing, NEC row 13
        jisRows(euc, 16, 84), // level 1 (16-47) and level 2 (48-84) kanji
        jisRows(euc, 89, 92), // IBM extension kanji (name variants such as 髙 and 﨑)
      ].join(''),
    );
  }
  return cached;
}

/** Unique characters of `text`, in first-seen order (subset input stays small and stable). */
export function uniqueChars(text: string): string {
  return [...new Set(Array.from(text))].join('');
}
