// ONE fill for the benches that need a vault of years (today, reports, channels): rows written
// straight into the encrypted vault in bulk (fast), in the proportions an office has.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { addDays } from '../shared/domain/verification/date-rules';
import { demoPeople } from '../electron/services/demo/demo-people';
import { indexPageText } from '../electron/services/vault/fulltext';
import type { Session } from '../electron/services/core/kaiji-core';
import type { Database } from '../electron/services/vault/schema';

const ROWS_PER_INSERT = 500;

export async function insertAll<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Record<string, unknown>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
        .execute();
    }
  });
}

export interface FilledCase {
  id: string;
  caseNo: string;
  receivedOn: string;
  status: string;
  kinds: string[];
}

/**
 * A vault as an office might have after years of use: `nCases` applications over six years
 * ending today (most closed, the last two months open in every state, some deficient with a
 * pause in their history), 1-2 request kinds each, the status history of answered cases
 * (accepted -> responding -> closed), a decision per kind of closed cases, `nOrders` money
 * orders in every ledger state and outbound mail, some still waiting for their proof of delivery.
 */
export async function fill(db: Kysely<Database>, nCases: number, nOrders: number, today: string, now: Date): Promise<FilledCase[]> {
  const people = demoPeople(Math.min(nCases, 5_000), 11);
  const spanDays = 6 * 365;
  const cases: Record<string, unknown>[] = [];
  const filled: FilledCase[] = [];
  const fields: Record<string, unknown>[] = [];
  const changes: Record<string, unknown>[] = [];
  const decisions: Record<string, unknown>[] = [];
  const mail: Record<string, unknown>[] = [];
  const counters = new Map<number, number>();
  const at = now.toISOString();
  const change = (caseId: string, from: string, to: string, when: string) =>
    changes.push({ id: randomUUID(), case_id: caseId, from_state: from, to_state: to, reason: null, changed_by: 'bench', changed_at: when });
  for (let i = 0; i < nCases; i++) {
    const receivedOn = addDays(today, -Math.floor(((nCases - 1 - i) / nCases) * spanDays));
    const year = Number(receivedOn.slice(0, 4));
    const no = (counters.get(year) ?? 0) + 1;
    counters.set(year, no);
    const age = -Math.round((Date.parse(receivedOn) - Date.parse(today)) / 86_400_000);
    const open = age < 60;
    const status = !open ? (i % 17 === 0 ? 'withdrawn' : 'closed') : (['received', 'checking', 'deficient', 'accepted', 'deciding', 'responding'] as const)[i % 6]!;
    const statusSince = open ? new Date(Date.parse(`${receivedOn}T03:00:00Z`) + Math.min(age, 5) * 86_400_000).toISOString() : `${addDays(receivedOn, 20)}T03:00:00.000Z`;
    const p = people[i % people.length]!;
    const id = randomUUID();
    const caseNo = `${year}-${String(no).padStart(5, '0')}`;
    cases.push({
      id,
      case_no: caseNo,
      status,
      status_since: statusSince,
      received_on: receivedOn,
      subject_name: p.name,
      subject_kana: p.kana,
      subject_birth_date: p.birthDate,
      subject_address: p.address,
      subject_name_key: p.name,
      subject_kana_key: p.kana,
      created_by: 'bench',
      created_at: at,
      updated_at: at,
    });
    const kinds = [`K${(i % 6) + 1}`, ...(i % 3 === 0 ? [`K${((i + 1) % 6) + 1}`] : [])];
    filled.push({ id, caseNo, receivedOn, status, kinds });
    // Typed in when the application arrived.
    const typedAt = new Date(Math.min(Date.parse(`${receivedOn}T00:00:00.000Z`), now.getTime() - 60_000)).toISOString();
    for (const k of kinds) fields.push({ case_id: id, field: `request.k${k.slice(1)}`, value: 'true', confidence: null, source_page_id: null, zone: null, needs_review: 0, updated_by: 'bench', updated_at: typedAt });
    const t0 = Date.parse(`${receivedOn}T03:00:00Z`);
    const dayAt = (d: number) => new Date(t0 + d * 86_400_000).toISOString();
    // Open cases that were deficient once: the clock's pause comes from this history.
    if (open && i % 4 === 1) {
      change(id, 'checking', 'deficient', dayAt(1));
      change(id, 'deficient', 'checking', dayAt(4));
    }
    if (status === 'closed') {
      // Answered after 5-24 days; a few were deficient on the way (paused clock).
      const answerDay = 5 + (i % 20);
      if (i % 11 === 0) {
        change(id, 'checking', 'deficient', dayAt(1));
        change(id, 'deficient', 'checking', dayAt(3));
      }
      change(id, 'checking', 'accepted', dayAt(Math.min(3, answerDay - 1) + (i % 11 === 0 ? 1 : 0)));
      change(id, 'deciding', 'responding', dayAt(answerDay + (i % 11 === 0 ? 2 : 0)));
      change(id, 'responding', 'closed', statusSince);
      for (const k of kinds) {
        const outcome = i % 23 === 0 ? 'not_done' : i % 13 === 0 ? 'no_data' : 'done';
        decisions.push({
          id: randomUUID(), case_id: id, kind: k, outcome, grounds: outcome === 'not_done' ? '["business"]' : '[]', reason_text: '', alternative_measure: null,
          enclosures: '[]', decided_by: 'bench', decided_by_name: 'Bench', decided_at: dayAt(answerDay - 1),
        });
      }
    } else if (status === 'withdrawn') change(id, 'checking', 'withdrawn', statusSince);
    if (!open || i % 5 === 0) {
      const sentOn = addDays(receivedOn, open ? 1 : 15);
      const waiting = open || i % 50 === 0;
      mail.push({
        id: randomUUID(), case_id: id, letter_id: null, method: 'ippan_kakitome', tracking_no: null, tracking_status: 'none', tracking_override_reason: null,
        proof_requested: 1, sent_on: sentOn, delivered_on: waiting ? null : addDays(sentOn, 2), proof_received_on: waiting ? null : addDays(sentOn, 4), returned_on: null,
        closes_case: 0, note: '', created_by: 'bench', created_at: at,
      });
    }
  }
  await insertAll(db, 'cases', cases);
  await insertAll(db, 'case_fields', fields);
  await insertAll(db, 'case_status_changes', changes);
  await insertAll(db, 'case_decisions', decisions);
  await insertAll(db, 'mail_items', mail);

  const orders: Record<string, unknown>[] = [];
  for (let j = 0; j < nOrders; j++) {
    const c = cases[Math.floor((j / nOrders) * nCases)]!;
    const receivedOn = c.received_on as string;
    const issuedOn = addDays(receivedOn, -7 - (j % 20));
    const payableUntil = addDays(issuedOn, 182);
    const open = c.status !== 'closed' && c.status !== 'withdrawn';
    const state = open ? 'received' : j % 41 === 0 ? 'returned' : j % 97 === 0 ? 'lapsed' : 'cashed';
    orders.push({
      id: randomUUID(), case_id: c.id, certificate_no: `BN${String(j).padStart(8, '0')}`, face_value: j % 3 === 0 ? 500 : 1000, issued_on: issuedOn,
      issuing_office: '新宿', received_on: receivedOn, payable_until: payableUntil, state,
      cashed_on: state === 'cashed' ? addDays(receivedOn, 10) : null, deposit_ref: state === 'cashed' ? `D${j}` : null,
      returned_on: state === 'returned' ? addDays(receivedOn, 12) : null, return_letter_id: null, lapsed_on: state === 'lapsed' ? payableUntil : null,
      note: '', created_by: 'bench', created_at: at, updated_at: at,
    });
  }
  await insertAll(db, 'money_orders', orders);
  return filled;
}

/**
 * What the desk adds around the cases (channels bench): an envelope per case, scanned pages
 * (form, ID copy, money order: small real PNGs, OCR text in the FTS index), notes, an issued
 * letter per closed case (copied from `letter`, one made by the real services), and audit
 * entries through the real hash chain (`auditPerCase` each).
 */
export async function fillDesk(s: Session, filled: readonly FilledCase[], opts: { pagesPerCase: number; auditPerCase: number; letter?: Record<string, unknown> }): Promise<void> {
  const db = s.ws.db;
  const at = new Date().toISOString();
  const image = await sharp({ create: { width: 620, height: 877, channels: 3, background: '#ffffff' } }).greyscale().png().toBuffer();
  const thumbnail = await sharp({ create: { width: 96, height: 136, channels: 3, background: '#ffffff' } }).greyscale().png().toBuffer();
  const envelopes: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const imports: Record<string, unknown>[] = [];
  const pages: Record<string, unknown>[] = [];
  const texts: { id: string; text: string }[] = [];
  const notes: Record<string, unknown>[] = [];
  const letters: Record<string, unknown>[] = [];
  const kinds = ['application_form', 'id_document', 'money_order'];
  for (const [i, c] of filled.entries()) {
    const envelopeId = randomUUID();
    envelopes.push({ id: envelopeId, arrived_on: c.receivedOn, delivery: 'ippan_kakitome', tracking_no: null, tracking_status: 'none', tracking_override_reason: null, red_marking: 1, sender_name: '', sender_address: '', note: '', created_by: 'bench', created_at: at });
    links.push({ case_id: c.id, envelope_id: envelopeId });
    if (opts.pagesPerCase > 0) {
      const importId = randomUUID();
      imports.push({ id: importId, source_name: `scan-${i}.pdf`, source_sha256: randomUUID().replaceAll('-', '').padEnd(64, '0'), envelope_id: envelopeId, case_id: c.id, status: 'done', error_code: null, page_count: opts.pagesPerCase, created_by: 'bench', created_at: at });
      for (let p = 0; p < opts.pagesPerCase; p++) {
        const id = randomUUID();
        const text = `開示等請求書 ${c.caseNo} 請求者 第${i}号 ${kinds[p % 3]}`;
        pages.push({
          id, case_id: c.id, envelope_id: envelopeId, import_id: importId, source_page: p + 1, position: p, kind: kinds[p % 3], kind_confirmed: 1, auto_rotation: 0,
          width: 620, height: 877, image, thumbnail, ocr_status: 'done', ocr_text: text, ocr_confidence: 90, ocr_words: '[]', form_id: null, created_by: 'bench', created_at: at,
        });
        texts.push({ id, text });
      }
    }
    if (i % 4 === 0) notes.push({ id: randomUUID(), case_id: c.id, body: '電話で確認済み', created_by: 'bench', created_by_name: 'Bench', created_at: at });
    if (opts.letter && c.status === 'closed') letters.push({ ...opts.letter, id: randomUUID(), case_id: c.id });
  }
  await insertAll(db, 'envelopes', envelopes);
  await insertAll(db, 'case_envelopes', links);
  await insertAll(db, 'imports', imports);
  await insertAll(db, 'pages', pages);
  await db.transaction().execute(async (trx) => {
    for (const t of texts) await indexPageText(trx, t.id, t.text);
  });
  await insertAll(db, 'case_notes', notes);
  await insertAll(db, 'letters', letters);
  // The audit trail: what a year of desk work writes per case, through the real chain.
  const actions = ['case.created', 'case.fields_set', 'case.status_changed', 'case.viewed', 'page.kind_set', 'case.listed', 'money_order.recorded', 'case.status_changed'];
  for (let i = 0; i < filled.length; i += 1_000) {
    await db.transaction().execute(async (trx) => {
      for (const c of filled.slice(i, i + 1_000)) {
        for (let a = 0; a < opts.auditPerCase; a++) {
          await s.ws.audit.append(trx, s.actor, { action: actions[a % actions.length]!, recordType: 'case', recordId: c.id, summary: { caseNo: c.caseNo } });
        }
      }
    });
  }
}
