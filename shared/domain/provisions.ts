/**
 * Third-party provision register (T1, T2): the pure rules shared by the services, the UI and
 * the tests. Which rows of a business system's export are entries, whether two records
 * describe the same person (the R3 name keys), whether a provision is allowed against the
 * do-not-provide list (K5), and how long an entry is kept (T1).
 */
import type { Bilingual } from '../result';
import { isValidIsoDate } from './dates';
import { formatEraDate } from './era';
import { addressKey, nameKey } from './names';
import { addMonths, readDate } from './verification/date-rules';

/** The basis a provision rests on (seed Art. 4.2-4.4). */
export const PROVISION_BASES = ['consent', 'opt_out', 'contract'] as const;
export type ProvisionBasis = (typeof PROVISION_BASES)[number];

export const PROVISION_BASIS_LABELS: Record<ProvisionBasis, Bilingual> = {
  consent: { ja: '本人の同意', en: 'Consent' },
  opt_out: { ja: 'オプトアウト', en: 'Opt-out' },
  contract: { ja: '契約（委託・共同利用等）', en: 'Contract' },
};

/** The fields of one entry, as an import maps columns onto them. */
export const PROVISION_FIELDS = ['providedOn', 'recipient', 'name', 'kana', 'birthDate', 'address', 'items', 'basis'] as const;
export type ProvisionField = (typeof PROVISION_FIELDS)[number];
/** Fields an entry cannot do without (T1: date, recipient, the individual, items; plus the basis). */
export const REQUIRED_PROVISION_FIELDS: readonly ProvisionField[] = ['providedOn', 'recipient', 'name', 'items', 'basis'];

export const PROVISION_FIELD_LABELS: Record<ProvisionField, Bilingual> = {
  providedOn: { ja: '提供日', en: 'Date provided' },
  recipient: { ja: '提供先', en: 'Recipient' },
  name: { ja: '氏名', en: 'Name' },
  kana: { ja: 'フリガナ', en: 'Reading' },
  birthDate: { ja: '生年月日', en: 'Date of birth' },
  address: { ja: '住所', en: 'Address' },
  items: { ja: '提供した項目', en: 'Items of data' },
  basis: { ja: '根拠', en: 'Basis' },
};

/** One entry, validated. Dates are `YYYY-MM-DD`. */
export interface ProvisionEntryInput {
  providedOn: string;
  recipient: string;
  name: string;
  kana: string;
  birthDate: string | null;
  address: string;
  items: string;
  basis: ProvisionBasis;
}

/** Column of the file (0-based) per field; unmapped optional fields are absent. */
export type ColumnMapping = Partial<Record<ProvisionField, number>>;

/** A problem in one row: the field and what is wrong (never the value itself in logs). */
export interface RowProblem {
  field: ProvisionField;
  message: Bilingual;
}

const BASIS_WORDS: Record<string, ProvisionBasis> = {
  consent: 'consent',
  同意: 'consent',
  本人同意: 'consent',
  本人の同意: 'consent',
  optout: 'opt_out',
  opt_out: 'opt_out',
  'opt-out': 'opt_out',
  オプトアウト: 'opt_out',
  contract: 'contract',
  契約: 'contract',
  委託: 'contract',
  共同利用: 'contract',
};

/** The basis as business systems write it (英語 or 日本語), or null. */
export function readBasis(text: string): ProvisionBasis | null {
  const k = text.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase();
  return BASIS_WORDS[k] ?? null;
}

const MAX_LEN: Record<ProvisionField, number> = { providedOn: 40, recipient: 200, name: 100, kana: 100, birthDate: 40, address: 300, items: 1000, basis: 40 };

/**
 * One row of an export as an entry, or the problems that keep it out. Dates may be ISO,
 * 2026/3/1 or era dates (令和8年3月1日); the basis in English or Japanese.
 */
export function readProvisionRow(cells: readonly string[], mapping: ColumnMapping): { ok: true; entry: ProvisionEntryInput } | { ok: false; problems: RowProblem[] } {
  const get = (f: ProvisionField) => {
    const col = mapping[f];
    return col === undefined ? '' : (cells[col] ?? '').trim();
  };
  return validateProvisionEntry(Object.fromEntries(PROVISION_FIELDS.map((f) => [f, get(f)])) as Record<ProvisionField, string>);
}

/** The same checks for an entry typed by hand. */
export function validateProvisionEntry(raw: Record<ProvisionField, string>): { ok: true; entry: ProvisionEntryInput } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const v = (f: ProvisionField) => (raw[f] ?? '').trim();
  for (const f of PROVISION_FIELDS) {
    const label = PROVISION_FIELD_LABELS[f];
    if (REQUIRED_PROVISION_FIELDS.includes(f) && v(f) === '') problems.push({ field: f, message: { ja: `${label.ja}がありません。`, en: `${label.en} is missing.` } });
    else if (v(f).length > MAX_LEN[f]) problems.push({ field: f, message: { ja: `${label.ja}が長すぎます。`, en: `${label.en} is too long.` } });
  }
  const date = v('providedOn') ? readDate(v('providedOn'), PROVISION_FIELD_LABELS.providedOn) : null;
  // Messages name the field and the fault, never the value (error details carry no personal values).
  if (date && !date.ok) problems.push({ field: 'providedOn', message: dateProblem('providedOn', date.code) });
  const birth = v('birthDate') ? readDate(v('birthDate'), PROVISION_FIELD_LABELS.birthDate) : null;
  if (birth && !birth.ok) problems.push({ field: 'birthDate', message: dateProblem('birthDate', birth.code) });
  const basis = v('basis') ? readBasis(v('basis')) : null;
  if (v('basis') && !basis) problems.push({ field: 'basis', message: { ja: '根拠は「同意」「オプトアウト」「契約」のいずれかです。', en: 'The basis must be consent, opt-out or contract.' } });
  if (problems.length > 0 || !date?.ok || !basis) return { ok: false, problems: dedupe(problems) };
  return {
    ok: true,
    entry: {
      providedOn: date.iso,
      recipient: v('recipient'),
      name: v('name'),
      kana: v('kana'),
      birthDate: birth?.ok ? birth.iso : null,
      address: v('address'),
      items: v('items'),
      basis,
    },
  };
}

function dateProblem(field: 'providedOn' | 'birthDate', code: 'missing' | 'impossible' | 'outside_era' | 'unreadable'): Bilingual {
  const l = PROVISION_FIELD_LABELS[field];
  switch (code) {
    case 'impossible':
      return { ja: `${l.ja}は存在しない日付です。`, en: `${l.en} is not a real calendar date.` };
    case 'outside_era':
      return { ja: `${l.ja}はその元号の期間にない日付です。`, en: `${l.en} is not within its era.` };
    default:
      return { ja: `${l.ja}を日付として読み取れません。`, en: `${l.en} cannot be read as a date.` };
  }
}

function dedupe(problems: RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
}

/** Recipient names compared as names are (width, spaces, case). */
export const recipientKey = (recipient: string): string => nameKey(recipient);

/**
 * The text a row fingerprint is the hash of: every field in its compared form, so the same
 * record exported again (other spacing, full-width digits, era instead of ISO date) is
 * recognised and not stored twice.
 */
export function fingerprintText(e: ProvisionEntryInput): string {
  return [e.providedOn, recipientKey(e.recipient), nameKey(e.name), nameKey(e.kana), e.birthDate ?? '', e.address ? addressKey(e.address) : '', e.items.normalize('NFKC').replace(/[\s\u3000]+/g, ''), e.basis].join('\u001f');
}

/** A person as a record or a requester knows them. */
export interface PersonKeys {
  name: string;
  kana: string;
  birthDate: string | null;
  address: string | null;
}

/**
 * Same person as R3's earlier-request check (case-file.ts): name or reading equal by key;
 * then birth dates decide when both are known; else the address (by key), or both name and
 * reading equal.
 */
export function samePerson(a: PersonKeys, b: PersonKeys): boolean {
  const an = nameKey(a.name);
  const ak = nameKey(a.kana);
  const bn = nameKey(b.name);
  const bk = nameKey(b.kana);
  const nameEq = an !== '' && an === bn;
  const kanaEq = ak !== '' && ak === bk;
  if (!nameEq && !kanaEq) return false;
  if (a.birthDate && b.birthDate) return a.birthDate === b.birthDate;
  const sameAddress = !!a.address && !!b.address && addressKey(a.address) === addressKey(b.address);
  return sameAddress || (nameEq && kanaEq);
}

/** An entry of the do-not-provide list (T2, from a K5 decision). */
export interface DoNotProvideEntry extends PersonKeys {
  id: string;
  /** Null: every recipient. */
  recipient: string | null;
  /** The K5 decision date: provisions on or after it are refused. */
  fromDate: string;
  caseNo: string | null;
}

export interface ProvisionCheck {
  allowed: boolean;
  /** The list entries that refuse it. */
  blockedBy: { id: string; fromDate: string; caseNo: string | null }[];
}

/** T2: may `person`'s data go to `recipient` on `date`? No when a list entry of the same person covers it. */
export function checkProvision(person: PersonKeys, recipient: string, date: string, list: readonly DoNotProvideEntry[]): ProvisionCheck {
  const rk = recipientKey(recipient);
  const blockedBy = list
    .filter((l) => l.fromDate <= date && (l.recipient === null || recipientKey(l.recipient) === rk) && samePerson(person, l))
    .map((l) => ({ id: l.id, fromDate: l.fromDate, caseNo: l.caseNo }));
  return { allowed: blockedBy.length === 0, blockedBy };
}

export const RETENTION_YEARS = 3;
export const CONTRACT_RETENTION_YEARS = 1;

/**
 * T1: the last day an entry must be kept. Three years from the provision; where a contract
 * stands in for the record, one year from the last provision under it (`lastProvisionOn`:
 * the latest provision of that person's data to that recipient on a contract basis).
 */
export function provisionRetentionUntil(entry: { providedOn: string; basis: ProvisionBasis }, lastProvisionOn?: string): string {
  if (!isValidIsoDate(entry.providedOn)) throw new RangeError('providedOn');
  if (entry.basis === 'contract') {
    const last = lastProvisionOn && lastProvisionOn > entry.providedOn ? lastProvisionOn : entry.providedOn;
    return addMonths(last, CONTRACT_RETENTION_YEARS * 12);
  }
  return addMonths(entry.providedOn, RETENTION_YEARS * 12);
}

/** One line of a K6 letter: an entry with its era date (令和8年3月1日). */
export function provisionRecordLine(e: { providedOn: string; recipient: string; items: string; basis: ProvisionBasis }, lang: 'ja' | 'en'): string {
  const basis = PROVISION_BASIS_LABELS[e.basis][lang];
  return lang === 'ja'
    ? `${formatEraDate(e.providedOn)}　提供先：${e.recipient}　項目：${e.items}　根拠：${basis}`
    : `${e.providedOn}: to ${e.recipient}; items: ${e.items}; basis: ${basis}`;
}
