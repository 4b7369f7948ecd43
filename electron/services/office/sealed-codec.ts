import { createHmac } from 'node:crypto';
import { KaijiError } from '@shared/errors';
import { openValue, sealValue, type OfficeKeys } from './office-sealing';
import { BACKEND_ONLY_TABLES, COLUMN_CLASSES, type ColumnClass } from './personal-columns';

/**
 * How one value of a personal column is stored on the office database (#16 item 2), and how it
 * is opened again. Design and what it leaks: docs/ARCHITECTURE.md, "The sealing store layer".
 *
 * - Text columns stay text: `\u0001ks1` + base64(envelope), so the schema stays one list for both
 *   back ends. The tag starts with a control character, which no input may hold
 *   (shared/contract/input-text.ts), so a readable value is never mistaken for a sealed one.
 * - Binary columns (bytea) hold `00 6b 73 01` + envelope.
 * - envelope = mode(1) ‖ kind(1) ‖ place length(u16) ‖ place ‖ sealValue(...). The place
 *   (`table␟column␟row id`) is in the AAD; it is carried in the clear too so a value found where
 *   the plugin cannot tell its column (raw SQL, expressions) still opens, and so the reader can
 *   compare it with where the value was found. Row ids, tables and columns are not personal.
 * - mode `r`: random nonce (sealed columns); `p`: random and padded to 4 KiB (blobs); `d`:
 *   deterministic (indexed columns): nonce = HMAC(index key, table ␟ column ␟ kind ␟ value), the
 *   row id is left out of the AAD, so equal values of one column are equal ciphertexts (equality,
 *   IN, unique indexes and GROUP BY work on the server; that equality is what it learns).
 */
export const TEXT_TAG = '\u0001ks1';
export const BINARY_TAG = Buffer.from([0x00, 0x6b, 0x73, 0x01]);
const SEP = '\u001f';
export const BLOB_PAD = 4096;
/** Row id of a value written by a statement that does not name its row (bulk update): bound to table and column only. */
export const ANY_ROW = '*';

type Mode = 'r' | 'p' | 'd';
type Kind = 's' | 'n' | 'b';

export interface Place {
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
}

/** Primary key of each table (columns in order); a composite key's values are joined by U+001F as the row id. */
const PRIMARY_KEYS: Record<string, readonly string[]> = {
  audit_head: ['id'],
  audit_log: ['seq'],
  case_counters: ['year'],
  case_envelopes: ['case_id', 'envelope_id'],
  case_facts: ['case_id'],
  case_fields: ['case_id', 'field'],
  legal_holds: ['case_id'],
  passphrase_change_required: ['staff_id'],
  provision_matches: ['case_id'],
  schema_migrations: ['version'],
  settings: ['key'],
  vault_secrets: ['name'],
};

export function primaryKeyOf(table: string): readonly string[] {
  return PRIMARY_KEYS[table] ?? ['id'];
}

export function rowIdOf(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(SEP);
}

/** The class of a column; tables outside the map (MACs, key ring, CTE names) hold nothing readable: plain. */
export function classOf(table: string, column: string): ColumnClass {
  if (BACKEND_ONLY_TABLES.has(table)) return 'plain';
  return COLUMN_CLASSES[table]?.[column] ?? 'plain';
}

export function tableHasSealed(table: string): boolean {
  const cols = COLUMN_CLASSES[table];
  return !!cols && Object.values(cols).some((c) => c !== 'plain');
}

export function damaged(table: string, column: string): KaijiError {
  return new KaijiError('SEALED_VALUE_DAMAGED', { table, column });
}

function toBytes(value: unknown, table: string, column: string): { kind: Kind; bytes: Buffer } {
  if (typeof value === 'string') return { kind: 's', bytes: Buffer.from(value, 'utf8') };
  if (typeof value === 'number' || typeof value === 'bigint') return { kind: 'n', bytes: Buffer.from(String(value), 'utf8') };
  if (value instanceof Uint8Array) return { kind: 'b', bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength) };
  // Programming error: names the column, never the value.
  throw new Error(`sealed column ${table}.${column} got a value of type ${typeof value}`);
}

function syntheticNonce(keys: OfficeKeys, table: string, column: string, kind: Kind, bytes: Buffer): Buffer {
  return createHmac('sha256', keys.index).update(`kaiji-siv|${table}${SEP}${column}${SEP}${kind}${SEP}`, 'utf8').update(bytes).digest().subarray(0, 12);
}

/** The stored form of `value` in `place` (null and undefined stay as they are). */
export function sealFor(keys: OfficeKeys, cls: ColumnClass, place: Place, value: unknown): unknown {
  if (value === null || value === undefined || cls === 'plain') return value;
  const { kind, bytes } = toBytes(value, place.table, place.column);
  const mode: Mode = cls === 'indexed' ? 'd' : cls === 'blob' ? 'p' : 'r';
  const rowId = mode === 'd' ? '' : place.rowId;
  // Mode and kind are in the AAD too: flipping them fails like any other altered byte.
  const at = { table: place.table, column: place.column, rowId: `${mode}${kind}${SEP}${rowId}` };
  const sealed = sealValue(keys, bytes, at, mode === 'p' ? BLOB_PAD : 0, mode === 'd' ? syntheticNonce(keys, place.table, place.column, kind, bytes) : undefined);
  const placeBytes = Buffer.from(`${place.table}${SEP}${place.column}${SEP}${rowId}`, 'utf8');
  const head = Buffer.alloc(4);
  head.write(mode, 0, 'latin1');
  head.write(kind, 1, 'latin1');
  head.writeUInt16BE(placeBytes.length, 2);
  const envelope = Buffer.concat([head, placeBytes, sealed]);
  return kind === 'b' ? Buffer.concat([BINARY_TAG, envelope]) : TEXT_TAG + envelope.toString('base64');
}

export function isSealed(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith(TEXT_TAG);
  return value instanceof Uint8Array && value.length > BINARY_TAG.length && Buffer.from(value.buffer, value.byteOffset, 4).equals(BINARY_TAG);
}

interface Parsed {
  mode: Mode;
  kind: Kind;
  place: Place;
  sealed: Buffer;
}

function parse(value: string | Uint8Array): Parsed | null {
  const envelope =
    typeof value === 'string'
      ? Buffer.from(value.slice(TEXT_TAG.length), 'base64')
      : Buffer.from(value.buffer, value.byteOffset + BINARY_TAG.length, value.byteLength - BINARY_TAG.length);
  if (envelope.length < 4) return null;
  const mode = envelope.toString('latin1', 0, 1) as Mode;
  const kind = envelope.toString('latin1', 1, 2) as Kind;
  if (!['r', 'p', 'd'].includes(mode) || !['s', 'n', 'b'].includes(kind)) return null;
  const n = envelope.readUInt16BE(2);
  if (envelope.length < 4 + n) return null;
  const parts = envelope.toString('utf8', 4, 4 + n).split(SEP);
  if (parts.length < 3) return null;
  const [table, column, ...rest] = parts as [string, string, ...string[]];
  return { mode, kind, place: { table, column, rowId: rest.join(SEP) }, sealed: envelope.subarray(4 + n) };
}

/**
 * Opens a stored value. `expected` is where it was found, when the query tells: table and column
 * must match, and the row too unless the value was written by a statement without a row (ANY_ROW)
 * or is deterministic. Anything else is SEALED_VALUE_DAMAGED naming table and column only.
 */
export function openStored(keys: OfficeKeys, value: string | Uint8Array, expected?: { table: string; column: string; rowId?: string }): unknown {
  const parsed = parse(value);
  if (!parsed) throw damaged(expected?.table ?? '?', expected?.column ?? '?');
  const { place } = parsed;
  if (expected) {
    if (place.table !== expected.table || place.column !== expected.column) throw damaged(expected.table, expected.column);
    if (parsed.mode !== 'd' && expected.rowId !== undefined && place.rowId !== ANY_ROW && place.rowId !== expected.rowId) {
      throw damaged(expected.table, expected.column);
    }
  }
  if ((parsed.mode === 'd') !== (place.rowId === '')) throw damaged(place.table, place.column);
  let bytes: Buffer;
  try {
    bytes = openValue(keys, parsed.sealed, { ...place, rowId: `${parsed.mode}${parsed.kind}${SEP}${place.rowId}` }, parsed.mode === 'p');
  } catch {
    throw damaged(place.table, place.column);
  }
  if (parsed.kind === 's') return bytes.toString('utf8');
  if (parsed.kind === 'n') return Number(bytes.toString('utf8'));
  return bytes;
}
