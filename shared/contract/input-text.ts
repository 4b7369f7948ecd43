import { z } from 'zod';
import { isValidIsoDate, isoDateInJapan } from '../domain/dates';
import { parseJapaneseDate } from '../domain/era';

/**
 * Text and date builders for every channel's input (issue 11, finding 8). Each one
 * normalises and checks at the edge, so no service ever stores garbage: NFC, no control
 * characters (a multi-line field keeps `\n`), no bidi overrides or isolates (U+202A-E,
 * U+2066-9, the invisible marks), no lone surrogates. Every date has a plausible range
 * for what it means. A bare `z.string()` in the contract fails test/unit/contract-inputs.
 */

/** Control characters (C0, DEL, C1) and the Unicode line/paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
/** Bidi embeddings, overrides, isolates and the invisible direction marks (LRM, RLM, ALM). */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/**
 * Every string schema built here, known by its checks: zod keeps the check objects when a
 * schema is refined further (`text(8).regex(...)`), so those stay vetted; a bare
 * `z.string()` has none of them. The contract test walks the contract and finds only these.
 */
const vetted = new WeakMap<object, VettedKind>();
export type VettedKind = 'text' | 'multiline' | 'secret' | 'token' | 'date' | 'typedDate';
type Checked = { _zod: { def: { checks?: object[] } } };
const checksOf = (schema: z.ZodType): object[] => (schema as unknown as Checked)._zod.def.checks ?? [];
export const vettedKind = (schema: z.ZodType): VettedKind | undefined => {
  for (const check of checksOf(schema)) {
    const kind = vetted.get(check);
    if (kind) return kind;
  }
  return undefined;
};
const mark = <S extends z.ZodType>(schema: S, kind: VettedKind): S => {
  for (const check of checksOf(schema)) vetted.set(check, kind);
  return schema;
};

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const wellFormed = (v: string) => !LONE_SURROGATE.test(v);

export function hasForbiddenCharacters(v: string, multiline = false): boolean {
  return (multiline ? CONTROL_EXCEPT_NEWLINE : CONTROL).test(v) || BIDI.test(v) || !wellFormed(v);
}

interface TextOptions {
  min?: number;
  /** Trimmed before the length checks (default true). */
  trim?: boolean;
}

/** One line of text typed by a person (names, addresses, reasons): NFC, trimmed, clean. */
export function text(max: number, options: TextOptions = {}) {
  const { min = 0, trim = true } = options;
  return mark(
    z
      .string()
      .refine(wellFormed, 'text')
      .overwrite((v) => (trim ? v.normalize('NFC').trim() : v.normalize('NFC')))
      .refine((v) => !hasForbiddenCharacters(v), 'text')
      .min(min)
      .max(max),
    'text',
  );
}

/** Text where the person may press Enter (notes, letter paragraphs): CRLF becomes `\n`. */
export function multilineText(max: number, options: TextOptions = {}) {
  const { min = 0, trim = true } = options;
  return mark(
    z
      .string()
      .refine(wellFormed, 'text')
      .overwrite((v) => {
        const n = v.normalize('NFC').replace(/\r\n?/g, '\n');
        return trim ? n.trim() : n;
      })
      .refine((v) => !hasForbiddenCharacters(v, true), 'text')
      .min(min)
      .max(max),
    'multiline',
  );
}

/**
 * A passphrase or recovery key: compared as given (no normalisation, which would change
 * the key derived from an existing passphrase), but never with control or bidi characters.
 */
export function secret(max: number) {
  return mark(
    z
      .string()
      .min(1)
      .max(max)
      .refine((v) => !hasForbiddenCharacters(v), 'text'),
    'secret',
  );
}

/** An identifier Kaiji made (random ids, job ids): printable ASCII only. */
export function token(max: number) {
  return mark(z.string().min(1).max(max).regex(/^[\x21-\x7e]+$/, 'token'), 'token');
}

/**
 * Plausible ranges per meaning. Office events (arrival, sending, delivery, money orders,
 * filters) fall in this century; birth dates from 1900 to today; ID documents were issued
 * from 1950 and are valid until at most 2099.
 */
export const DATE_RANGES = {
  event: { from: '2000-01-01', to: '2099-12-31' },
  birth: { from: '1900-01-01', to: 'today' },
  issued: { from: '1950-01-01', to: '2099-12-31' },
  validity: { from: '1990-01-01', to: '2099-12-31' },
} as const;
export type DateMeaning = keyof typeof DATE_RANGES;

/** The range of a meaning on `now` (birth dates end today, Japan time). */
export function dateRange(meaning: DateMeaning, now = new Date()): { from: string; to: string } {
  const r = DATE_RANGES[meaning];
  return { from: r.from, to: r.to === 'today' ? isoDateInJapan(now) : r.to };
}

export function isPlausibleDate(v: string, meaning: DateMeaning, now = new Date()): boolean {
  if (!isValidIsoDate(v)) return false;
  const { from, to } = dateRange(meaning, now);
  return v >= from && v <= to;
}

const dateMeanings = new WeakMap<object, DateMeaning>();
export const dateMeaningOf = (schema: z.ZodType): DateMeaning | undefined => {
  for (const check of checksOf(schema)) {
    const meaning = dateMeanings.get(check);
    if (meaning) return meaning;
  }
  return undefined;
};
const dateMeaning = { set: (schema: z.ZodType, meaning: DateMeaning) => checksOf(schema).forEach((c) => dateMeanings.set(c, meaning)) };

/** A calendar date `YYYY-MM-DD` within the plausible range of its meaning. */
export function isoDateOf(meaning: DateMeaning) {
  const schema = mark(z.string().refine((v) => isPlausibleDate(v, meaning), 'date'), 'date');
  dateMeaning.set(schema, meaning);
  return schema;
}

/** A login name as stored: lower case ASCII letters, digits, `.`, `_`, `-`. */
export function loginName() {
  return mark(
    z
      .string()
      .overwrite((v) => v.trim().toLowerCase())
      .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'login'),
    'token',
  );
}

/** A login as typed at the lock screen: anything clean, so an unknown login costs the same as a known one. */
export function loginAttempt() {
  return mark(
    z
      .string()
      .refine(wellFormed, 'text')
      .overwrite((v) => v.normalize('NFC').trim().toLowerCase())
      .refine((v) => !hasForbiddenCharacters(v), 'text')
      .min(1)
      .max(32),
    'text',
  );
}

/**
 * A date as staff typed it (ISO or 和暦 such as 令和7年4月1日 / R7.4.1), or empty: it must
 * read as a real date in the plausible range of its meaning.
 */
export function typedDate(meaning: DateMeaning, max = 40) {
  const schema = mark(
    z
      .string()
      .refine(wellFormed, 'text')
      .overwrite((v) => v.normalize('NFC').trim())
      .refine((v) => !hasForbiddenCharacters(v), 'text')
      .max(max)
      .refine((v) => v === '' || readsAsPlausibleDate(v, meaning), 'date'),
    'typedDate',
  );
  dateMeaning.set(schema, meaning);
  return schema;
}

export function readsAsPlausibleDate(v: string, meaning: DateMeaning, now = new Date()): boolean {
  const iso = parseJapaneseDate(v);
  return iso !== null && isPlausibleDate(iso, meaning, now);
}

/** File contents sent as base64 (imports): its alphabet only. */
export function base64(max: number) {
  return mark(z.string().max(max).regex(/^[A-Za-z0-9+/=]*$/, 'base64'), 'token');
}
