import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * What the office server stores instead of personal data (#16 item 2; design in
 * docs/ARCHITECTURE.md, "Several desks on PostgreSQL"): values sealed at the desk with
 * AES-256-GCM under a subkey of the office data key, blind indexes (keyed MACs) for the few
 * lookups by value, and keyed trigram MACs for scanned text. Pure functions: keys in, bytes out.
 */
export interface OfficeKeys {
  readonly version: number;
  readonly enc: Buffer;
  readonly index: Buffer;
  readonly token: Buffer;
}

/** One subkey per use, so a MAC can never be confused with a ciphertext key or another MAC. */
export function officeKeys(dataKey: Buffer, version: number): OfficeKeys {
  if (dataKey.length !== 32) throw new Error('the office data key is 32 bytes');
  const sub = (use: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `kaiji-office-v1|${use}|${version}`, 32));
  return { version, enc: sub('enc'), index: sub('index'), token: sub('token') };
}

/** Where a sealed value belongs: part of the AAD, so a ciphertext moved to another row or column fails to open. */
export interface SealedPlace {
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
}

const FORMAT = 1;
const HEADER = 1 + 4; // format byte, key version (uint32 BE)
const NONCE = 12;
const TAG = 16;

function aad(place: SealedPlace, keyVersion: number): Buffer {
  return Buffer.from(`kaiji-office|${FORMAT}|${keyVersion}|${place.table}|${place.column}|${place.rowId}`, 'utf8');
}

/**
 * `format ‖ key version ‖ nonce ‖ ciphertext ‖ tag`. Blobs (page images, PDFs) are padded to a
 * multiple of `padTo` bytes first so their exact size is not told; short text values are not.
 */
export function sealValue(keys: OfficeKeys, plaintext: Buffer | string, place: SealedPlace, padTo = 0, syntheticNonce?: Buffer): Buffer {
  const body = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const framed = padTo > 0 ? pad(body, padTo) : body;
  // A synthetic nonce (a keyed MAC of the value: sealed-store.ts) makes equal values seal equally, for equality lookups.
  if (syntheticNonce && syntheticNonce.length !== NONCE) throw new Error('a synthetic nonce is 12 bytes');
  const nonce = syntheticNonce ?? randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', keys.enc, nonce);
  cipher.setAAD(aad(place, keys.version));
  const ct = Buffer.concat([cipher.update(framed), cipher.final()]);
  const header = Buffer.alloc(HEADER);
  header.writeUInt8(FORMAT, 0);
  header.writeUInt32BE(keys.version, 1);
  return Buffer.concat([header, nonce, ct, cipher.getAuthTag()]);
}

/** Throws on a wrong key, a wrong place or any altered byte (GCM tag). */
export function openValue(keys: OfficeKeys, sealed: Buffer, place: SealedPlace, padded = false): Buffer {
  if (sealed.length < HEADER + NONCE + TAG || sealed.readUInt8(0) !== FORMAT) throw new Error('not a sealed office value');
  const version = sealed.readUInt32BE(1);
  if (version !== keys.version) throw new Error(`sealed under office key version ${version}, not ${keys.version}`);
  const nonce = sealed.subarray(HEADER, HEADER + NONCE);
  const decipher = createDecipheriv('aes-256-gcm', keys.enc, nonce);
  decipher.setAAD(aad(place, version));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  const body = Buffer.concat([decipher.update(sealed.subarray(HEADER + NONCE, sealed.length - TAG)), decipher.final()]);
  return padded ? unpad(body) : body;
}

/** Length-prefixed, zero-filled to a multiple of `to`. */
function pad(body: Buffer, to: number): Buffer {
  const total = Math.ceil((body.length + 4) / to) * to;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
}

function unpad(framed: Buffer): Buffer {
  const length = framed.readUInt32BE(0);
  if (length > framed.length - 4) throw new Error('padded value is damaged');
  return framed.subarray(4, 4 + length);
}

/** 16 bytes of HMAC-SHA256: collisions stay negligible for any office's row counts and halve the index. */
const MAC_BYTES = 16;

function mac(key: Buffer, ...parts: string[]): Buffer {
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(Buffer.from(p, 'utf8')).update(Buffer.from([0]));
  return h.digest().subarray(0, MAC_BYTES);
}

/**
 * Blind index of a whole value for equality lookups (case numbers, tracking numbers, postcodes,
 * the R3 name keys). `purpose` keeps equal values of different kinds apart.
 */
export function blindIndex(keys: OfficeKeys, purpose: string, normalised: string): Buffer {
  return mac(keys.index, purpose, 'whole', normalised);
}

/** MACs of every prefix (1..maxLength characters) of a name key, so "starts with" search works. */
export function prefixIndexes(keys: OfficeKeys, purpose: string, normalised: string, maxLength = 12): Buffer[] {
  const chars = [...normalised];
  const out: Buffer[] = [];
  for (let n = 1; n <= Math.min(chars.length, maxLength); n++) out.push(mac(keys.index, purpose, 'prefix', chars.slice(0, n).join('')));
  return out;
}

/**
 * The characters the trigram MACs are made from: NFC, then each code point on its own folded
 * (NFKC, lower case) and white space (the ideographic space included) dropped, as the vault's
 * FTS index ignores it. Folding per code point keeps it context-free, so any run of characters
 * of a text folds to a run of the folded text: a query never misses its page.
 */
export function searchable(text: string): string[] {
  return [...text.normalize('NFC')]
    .flatMap((c) => [...c.normalize('NFKC').toLowerCase()])
    .filter((c) => !/\s/u.test(c));
}

function trigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(chars.slice(i, i + 3).join(''));
  return out;
}

/** Distinct keyed trigram MACs of a page's text (what the server holds for search). */
export function textTokens(keys: OfficeKeys, text: string): Buffer[] {
  const seen = new Map<string, Buffer>();
  for (const t of trigrams(searchable(text))) {
    if (!seen.has(t)) seen.set(t, mac(keys.token, t));
  }
  return [...seen.values()];
}

/**
 * The MACs a page must hold all of to be a candidate for `query`; empty when the query is
 * shorter than three characters (then only the desk-side scan of opened text can answer).
 * Candidates are confirmed at the desk after opening their text: trigram sets over-approximate.
 */
export function queryTokens(keys: OfficeKeys, query: string): Buffer[] {
  return textTokens(keys, query);
}
