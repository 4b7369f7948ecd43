/**
 * Japanese names checked against a dictionary of family and given names with their readings
 * (issue 12: names read from handwriting). The applicant writes the name three times on the
 * company's form: 氏名, its reading (フリガナ) and the signature. OCR misreads handwritten kanji
 * as other kanji (由 → 中, 郎 → 部) and kana as similar kana; the three reads fail in different
 * places. A name is a family name and a given name that the dictionary lists, whose written form
 * is close to the kanji reads and whose reading is close to the kana read: the one such pair that
 * fits all reads clearly best is taken (郎 vs 部: the reading ロウ decides).
 *
 * The dictionary is IPADIC's person names (scripts/build-name-readings.mjs; ~12,000 family and
 * ~18,000 given names, common first). A name it does not list is left as read: this only repairs
 * or confirms, it never rejects a name. Pure, for services and tests.
 */
import names from './data/name-readings.json';

interface Entry {
  written: string;
  reading: string;
  /** Characters, and reversed (scored against the end of a read). */
  w: string[];
  r: string[];
  wRev: string[];
  rRev: string[];
  /** Position in the dictionary's frequency order (0 = most common). */
  rank: number;
}

let dictionary: { family: Entry[]; given: Entry[] } | undefined;
function entries(): { family: Entry[]; given: Entry[] } {
  if (!dictionary) {
    const unpack = (s: string): Entry[] =>
      s.split('|').map((e, rank) => {
        const i = e.indexOf(':');
        const written = e.slice(0, i);
        const reading = e.slice(i + 1);
        const w = [...written];
        const r = [...reading];
        return { written, reading, w, r, wRev: [...w].reverse(), rRev: [...r].reverse(), rank };
      });
    dictionary = { family: unpack(names.family), given: unpack(names.given) };
  }
  return dictionary;
}

/** Katakana, NFKC, without spaces and marks: how readings are compared. */
export function kanaKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[^\u30a1-\u30fa\u30fc]/gu, '');
}

/** The written form without spaces and anything a name cannot hold. */
export function writtenKey(s: string): string {
  return [...s.normalize('NFKC')].filter((c) => /[\p{Script=Han}\u3041-\u3096\u30a1-\u30fa\u30fc々〆ヶ]/u.test(c)).join('');
}

function distance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Edit distance from `target` to the closest prefix of `read` (min over prefix lengths). */
function prefixDistance(read: readonly string[], target: readonly string[]): number {
  let prev = Array.from({ length: read.length + 1 }, (_, j) => j);
  for (let i = 1; i <= target.length; i++) {
    const cur = [i];
    for (let j = 1; j <= read.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (read[j - 1] === target[i - 1] ? 0 : 1));
    prev = cur;
  }
  return Math.min(...prev);
}

export interface NameReads {
  /**
   * The name as OCR read it in kanji (氏名, and the signature when it is the same person's): one
   * entry per zone, each one read or several (the same zone read by two OCR engines; the zone is
   * as far from a name as its closest read).
   */
  written: readonly (string | readonly string[])[];
  /** The フリガナ as read ('' when none), or several reads of it. */
  kana: string | readonly string[];
}

const readsOf = (x: string | readonly string[]): readonly string[] => (typeof x === 'string' ? [x] : x);

export interface NameMatch {
  /** Family and given name as the dictionary writes them, with a space between. */
  name: string;
  /** Their reading in katakana, with a space between. */
  kana: string;
  /** Edit distance of each written read to `name` (spaces ignored), in the order given. */
  writtenDistances: number[];
  /** Edit distance of the kana read to `kana` (spaces ignored). */
  kanaDistance: number;
  /**
   * Another name, written differently, fits as well or within one edit (homophones: レン is 蓮,
   * 廉 or 連): the more common one is given, and it is a guess.
   */
  ambiguous: boolean;
  /** When ambiguous: the names (written, no space) that fit within one edit of the best, best first. */
  rivals: string[];
}

/** Candidates kept per part before pairs are scored whole. */
const SHORTLIST = 40;

/**
 * The dictionary name that fits the reads best, or null when none fits well enough. "Well
 * enough": the kana read and at least one written read are each at most a quarter of their
 * length (and at least one character) away; with no kana read, every written read (two or more). When another name fits within one
 * edit, the more common one is given and the match is `ambiguous` (never confirmed).
 */
export function matchName(reads: NameReads): NameMatch | null {
  // Zones, each with its reads (characters); a zone with no read of two characters is left out.
  const written = reads.written.map((z) => readsOf(z).map((w) => [...writtenKey(w)]).filter((w) => w.length >= 2)).filter((z) => z.length > 0);
  const kanaReads = readsOf(reads.kana).map((k) => [...kanaKey(k)]).filter((k) => k.length >= 2);
  const kana = kanaReads[0] ?? [];
  if (!written.length && kana.length < 2) return null;
  const { family, given } = entries();
  const reversed = (xs: readonly string[]) => [...xs].reverse();
  const writtenRev = written.map((z) => z.map(reversed));
  const kanaRev = kanaReads.map(reversed);
  const closest = (zone: readonly string[][], f: (read: string[]) => number) => Math.min(...zone.map(f));
  // Each part scored against the start (family) or the end (given) of every zone's closest read.
  const score = (e: Entry, zones: string[][][], kanaZone: string[][], end: boolean) => {
    const w = end ? e.wRev : e.w;
    const r = end ? e.rRev : e.r;
    let cost = 0;
    for (const zone of zones) cost += closest(zone, (read) => prefixDistance(read, w));
    if (kanaZone.length) cost += closest(kanaZone, (read) => prefixDistance(read, r));
    return cost;
  };
  // Only names sharing a character with a written read, or starting (family) / ending (given)
  // with one of a kana read's first / last two sounds, are scored: ~5x fewer edit distances.
  const chars = new Set(written.flat(2));
  const sounds = (end: boolean) => new Set((end ? kanaRev : kanaReads).flatMap((k) => k.slice(0, 2)));
  const shortlist = (list: Entry[], end: boolean) => {
    const near = sounds(end);
    return list
      .filter((e) => e.w.some((c) => chars.has(c)) || near.has((end ? e.rRev : e.r)[0]!))
      .map((e) => ({ e, cost: score(e, end ? writtenRev : written, end ? kanaRev : kanaReads, end) }))
      .sort((a, b) => a.cost - b.cost || a.e.rank - b.e.rank)
      .slice(0, SHORTLIST)
      .map((x) => x.e);
  };
  const families = shortlist(family, false);
  const givens = shortlist(given, true);
  const pairs: { f: Entry; g: Entry; wd: number[]; kd: number; cost: number }[] = [];
  for (const f of families) {
    for (const g of givens) {
      const w = [...f.w, ...g.w];
      const wd = written.map((zone) => closest(zone, (read) => distance(read, w)));
      const kd = kana.length ? closest(kanaReads, (read) => distance(read, [...f.r, ...g.r])) : Infinity;
      const cost = wd.reduce((a, b) => a + b, 0) + (kana.length ? kd : 2);
      pairs.push({ f, g, wd, kd, cost });
    }
  }
  pairs.sort((a, b) => a.cost - b.cost || a.f.rank + a.g.rank - (b.f.rank + b.g.rank));
  const best = pairs[0];
  if (!best) return null;
  const name = `${best.f.written} ${best.g.written}`;
  // The runner-up that would be written differently (the same name with another reading is no rival).
  const rival = pairs.find((p) => `${p.f.written} ${p.g.written}` !== name);
  const ambiguous = !!rival && rival.cost < best.cost + 1;
  const near = (d: number, len: number) => d <= Math.max(1, Math.floor(len / 4));
  const nameLength = best.f.w.length + best.g.w.length;
  const kanaOk = kana.length > 0 && near(best.kd, best.f.r.length + best.g.r.length);
  const writtenOk = best.wd.filter((d) => near(d, nameLength));
  // A kana read that the name's reading does not fit vetoes it (a name the dictionary lacks must
  // not become a listed one: 陽菜 ヒナ is not 陽香 ヒロカ); without a kana read, every written read must fit.
  const fits = kana.length >= 2 ? kanaOk && writtenOk.length >= 1 : writtenOk.length === best.wd.length && best.wd.length >= 2;
  if (!fits) return null;
  const rivals = ambiguous ? [...new Set(pairs.filter((p) => p.cost < best.cost + 1).map((p) => p.f.written + p.g.written))].slice(0, 8) : [];
  return { name, kana: `${best.f.reading} ${best.g.reading}`, writtenDistances: best.wd, kanaDistance: kana.length ? best.kd : Infinity, ambiguous, rivals };
}

export interface NameFields {
  /** 氏名 as read (after form-field-reading's clean-up). */
  name: string;
  /** フリガナ as read ('' when empty). */
  kana: string;
  /** 署名 as read, when the form has one for this person. */
  signature?: string;
  /**
   * The same zones read again by another OCR engine (tesseract's legacy classifier beside the
   * LSTM: they misread different strokes). A second read counts towards the dictionary match;
   * one that is exactly the dictionary's name or reading may replace the first read, as a
   * repair (for review). Confirmation still needs the first reads.
   */
  otherReads?: { name?: string | undefined; kana?: string | undefined; signature?: string | undefined };
}

export interface NameFieldValue {
  value: string;
  /** Put into the dictionary's form: differs from what was read. */
  repaired: boolean;
  /** The kanji read and the kana read name the same dictionary name, each exactly as read. */
  confirmed: boolean;
}

export interface NameFieldValues {
  name: NameFieldValue;
  kana: NameFieldValue;
  /** Absent when the signature is not this name (an agent signing, or read too far off to tell). */
  signature?: NameFieldValue;
  /**
   * Other names that fit the reads as well (homophones: 太郎 and 太朗 for タロウ, 拓也 and 卓也
   * for タクヤ), best first: the dictionary's value is then a guess by frequency. Tried and not
   * kept: reading the zone again restricted to these names' characters (tesseract's LSTM then
   * still picks the wrong homophone, and drops characters: 真由美 → 真美).
   */
  rivals?: string[];
}

/**
 * A name the dictionary cannot decide (陽菜 is not in IPADIC): the 氏名 zone and the 署名 zone are
 * two writings of it; when a read of one (by either engine) is exactly a read of the other and
 * that is not what the first reads say, both zones take it, as a repair for review. Without a
 * second engine's reads this changes nothing (two first reads that agree are kept as they are).
 */
function writtenTwiceAlike(read: NameFields, nameReads: readonly string[], sigReads: readonly string[]): NameFieldValues | null {
  const sigKeys = new Map(sigReads.map((g) => [writtenKey(g), g] as const));
  const shared = nameReads.find((n) => writtenKey(n).length >= 2 && sigKeys.has(writtenKey(n)));
  if (shared === undefined) return null;
  const key = writtenKey(shared);
  const nameTakes = writtenKey(read.name) !== key;
  const sigTakes = writtenKey(read.signature ?? '') !== key;
  if (!nameTakes && !sigTakes) return null;
  return {
    name: { value: nameTakes ? shared : read.name, repaired: nameTakes, confirmed: false },
    kana: { value: read.kana, repaired: false, confirmed: false },
    signature: { value: sigTakes ? shared : read.signature!, repaired: sigTakes, confirmed: false },
  };
}

const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/**
 * The name, its kana and the signature checked against each other through the dictionary
 * (matchName). Null when the dictionary has no answer: the fields then stay as read. A value is
 * changed to the dictionary's only when another read of the name (the kana, or the other written
 * read) is exactly the dictionary's; it is then a repair (for review). A value is confirmed only when the
 * kanji and the kana were each read exactly as a listed name and its reading, and the signature,
 * when there is one, reads the same. The kana keeps the script it was written in.
 */
export function reconcileNameFields(read: NameFields): NameFieldValues | null {
  const other = read.otherReads ?? {};
  const nameReads = [read.name, ...(other.name ? [other.name] : [])];
  const kanaReads = [read.kana, ...(other.kana ? [other.kana] : [])];
  const sigReads = read.signature === undefined ? [] : [read.signature, ...(other.signature ? [other.signature] : [])];
  const nameKey = writtenKey(read.name);
  const sigKey = read.signature === undefined ? '' : writtenKey(read.signature);
  // The signature counts as a read of this name only when (a read of it) is close to (a read of) it.
  const sameHand =
    !!sigKey &&
    nameReads.some((n) => sigReads.some((g) => distance([...writtenKey(g)], [...writtenKey(n)]) <= Math.max(1, Math.floor([...writtenKey(n)].length / 2))));
  const m = matchName({ written: sameHand ? [nameReads, sigReads] : [nameReads], kana: kanaReads });
  if (!m) return sameHand ? writtenTwiceAlike(read, nameReads, sigReads) : null;
  const matchKey = writtenKey(m.name);
  const matchKana = kanaKey(m.kana);
  const nameExact = nameKey === matchKey;
  const kanaExact = kanaKey(read.kana) === matchKana;
  const sigExact = sigKey === matchKey;
  // Some read of the zone, by either engine, is exactly the dictionary's.
  const nameSeen = nameReads.some((n) => writtenKey(n) === matchKey);
  const kanaSeen = kanaReads.some((k) => kanaKey(k) === matchKana);
  const sigSeen = sameHand && sigReads.some((g) => writtenKey(g) === matchKey);
  // A repair needs an anchor: the other script read exactly as the dictionary name. Two near
  // misses prove nothing (陽菜 ヒナ, a name the dictionary lacks, is one edit from 未菜 ミナ both ways).
  const writtenAnchor = nameSeen || sigSeen;
  if (!kanaSeen && !writtenAnchor) return sameHand ? writtenTwiceAlike(read, nameReads, sigReads) : null;
  const confirmed = nameExact && kanaExact && (!sameHand || sigExact) && !m.ambiguous;
  const hiragana = [...read.kana].filter((c) => /[\u3041-\u3096]/u.test(c)).length > [...read.kana].filter((c) => /[\u30a1-\u30fa]/u.test(c)).length;
  // A zone takes the dictionary's value when another zone anchors it, or when its other read is exactly it.
  const nameTakes = !nameExact && (kanaSeen || sigSeen || nameSeen);
  const kanaTakes = !kanaExact && (writtenAnchor || kanaSeen);
  const sigTakes = sameHand && !sigExact && (kanaSeen || nameSeen || sigSeen);
  const out: NameFieldValues = {
    name: { value: nameTakes ? m.name : read.name, repaired: nameTakes, confirmed },
    kana: { value: kanaTakes ? (hiragana ? toHiragana(m.kana) : m.kana) : read.kana, repaired: kanaTakes, confirmed },
  };
  if (m.ambiguous) out.rivals = m.rivals;
  if (sameHand) out.signature = { value: sigTakes ? m.name : read.signature!, repaired: sigTakes, confirmed };
  return out;
}
