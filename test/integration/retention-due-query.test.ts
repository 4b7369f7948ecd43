/**
 * #13 item 10: `retention.due` was reshaped for speed (one joined query for page counts and one for
 * disposed classes instead of two per 500 cases, index-only on migration 042's indexes, due days
 * worked out once per close day, code-unit sort). Its answer must not change: on random vaults
 * (statuses, close days or only status_since, month ends, pages of every kind, earlier disposals,
 * legal holds, any schedule and day) the channel answers exactly what the query before the change
 * answers, and so does Today's bounded call (the limit path), which says whether it was cut.
 * The "before" is kept here verbatim.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DisposalDue } from '../../shared/contract/retention-types';
import { isoDateInJapan } from '../../shared/domain/dates';
import { FINAL_STATES } from '../../shared/domain/case-state';
import { CLASS_PAGE_KINDS, RECORD_CLASSES, disposalDueOn, retentionMonths, type RecordClass, type RetentionSchedule } from '../../shared/domain/retention';
import { addDays, addMonths } from '../../shared/domain/verification/date-rules';
import { RetentionService } from '../../electron/services/retention/retention-service';
import { japanDay } from '../../electron/services/today/deadline-store';
import type { Database } from '../../electron/services/vault/schema';
import { ADMIN, useCores, value } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

const makeCore = useCores();
const tempDir = useTempDirs();

/** RetentionService.due as it was before #13 item 10 (two queries per 500 cases, localeCompare). */
async function dueBefore(db: Kysely<Database>, schedule: RetentionSchedule, now: Date, limitCases = 100_000): Promise<DisposalDue[]> {
  const today = isoDateInJapan(now);
  const shortest = Math.min(...RECORD_CLASSES.map((c) => retentionMonths(c, schedule)));
  const cutoff = addDays(addMonths(today, -shortest), 3);
  const cutoffInstant = new Date(Date.parse(`${addDays(cutoff, 1)}T00:00:00+09:00`)).toISOString();
  const rows = await db
    .selectFrom('cases')
    .leftJoin('legal_holds', 'legal_holds.case_id', 'cases.id')
    .select(['cases.id', 'cases.case_no', 'cases.status', 'cases.closed_on', 'cases.status_since', 'legal_holds.case_id as held'])
    .where('cases.status', 'in', [...FINAL_STATES])
    .where((eb) =>
      eb.or([
        eb.and([eb('cases.closed_on', 'is not', null), eb('cases.closed_on', '<=', cutoff)]),
        eb.and([eb('cases.closed_on', 'is', null), eb('cases.status_since', '<', cutoffInstant)]),
      ]),
    )
    .limit(limitCases)
    .execute();
  const pagesOf = new Map<string, Map<string, number>>();
  const doneOf = new Map<string, Set<RecordClass>>();
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const counts = await db
      .selectFrom('pages')
      .select(['case_id', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('case_id', 'in', ids)
      .groupBy(['case_id', 'kind'])
      .execute();
    for (const c of counts) {
      const m = pagesOf.get(c.case_id!) ?? new Map<string, number>();
      m.set(c.kind, Number(c.n));
      pagesOf.set(c.case_id!, m);
    }
    const disposed = await db.selectFrom('disposal_register').select(['case_id', 'classes']).where('case_id', 'in', ids).execute();
    for (const d of disposed) {
      const set = doneOf.get(d.case_id) ?? new Set<RecordClass>();
      for (const cls of JSON.parse(d.classes) as RecordClass[]) set.add(cls);
      doneOf.set(d.case_id, set);
    }
  }
  const out: DisposalDue[] = [];
  for (const c of rows) {
    const closed = c.closed_on ?? (c.status_since ? japanDay(c.status_since) : null);
    if (!closed) continue;
    const done = doneOf.get(c.id) ?? new Set<RecordClass>();
    const kinds = pagesOf.get(c.id) ?? new Map<string, number>();
    for (const cls of RECORD_CLASSES) {
      if (done.has(cls)) continue;
      const dueOn = disposalDueOn(cls, closed, schedule);
      if (dueOn > today) continue;
      const covered = cls === 'case_file' ? [...kinds.keys()] : CLASS_PAGE_KINDS[cls];
      const pages = covered.reduce((n, k) => n + (kinds.get(k) ?? 0), 0);
      if (cls !== 'case_file' && pages === 0) continue;
      out.push({ caseId: c.id, caseNo: c.case_no, status: c.status, closedOn: closed, recordClass: cls, dueOn, pages, held: c.held !== null });
    }
  }
  out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseNo.localeCompare(b.caseNo) || RECORD_CLASSES.indexOf(a.recordClass) - RECORD_CLASSES.indexOf(b.recordClass));
  return out;
}

const STATES = ['received', 'checking', 'deficient', 'accepted', 'deciding', 'responding', 'closed', 'withdrawn', 'refused'] as const;
const KINDS = ['application_form', 'id_document', 'money_order', 'other', 'letter'] as const;
// Days from 2019 to 2027, month ends and leap days included.
const day = fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const instant = fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2027-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const caseArb = fc.record({
  status: fc.constantFrom(...STATES),
  closedOn: fc.option(day, { nil: null }),
  statusSince: fc.option(instant, { nil: null }),
  pages: fc.array(fc.constantFrom(...KINDS), { maxLength: 4 }),
  disposed: fc.option(fc.subarray([...RECORD_CLASSES], { minLength: 1 }), { nil: null }),
  held: fc.boolean(),
});
const scheduleArb = fc.record({ idDocumentsMonths: fc.integer({ min: 0, max: 120 }), moneyOrderImagesMonths: fc.integer({ min: 0, max: 120 }), caseFileYears: fc.integer({ min: 1, max: 30 }) });

describe('retention.due after its reshaping (#13 item 10)', () => {
  it('answers exactly what the query before answered, through the dispatcher and on Today’s bounded path', async () => {
    let now = Date.parse('2026-12-08T01:00:00Z');
    const { core, call } = makeCore({ dataDir: tempDir(), now: () => now });
    value(await call('vault.setup', ADMIN));
    const db = core.requireSession().ws.db;
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 25 }), scheduleArb, instant, fc.integer({ min: 1, max: 30 }), async (cases, schedule, at, limit) => {
        // Each run adds to the same vault: later runs see earlier runs' cases too.
        const created = new Date(now).toISOString();
        await db.transaction().execute(async (trx) => {
          for (const c of cases) {
            const id = randomUUID();
            const no = `2026-${String(++serial).padStart(4, '0')}`;
            await trx
              .insertInto('cases')
              .values({ id, case_no: no, status: c.status, status_since: c.statusSince, closed_on: c.closedOn, received_on: '2019-01-01', subject_name: '', subject_kana: '', subject_birth_date: null, subject_address: '', subject_name_key: '', subject_kana_key: '', created_by: null, created_at: created, updated_at: created } as never)
              .execute();
            if (c.pages.length) {
              const importId = randomUUID();
              await trx.insertInto('imports').values({ id: importId, source_name: 'scan.pdf', source_sha256: randomUUID().replaceAll('-', '').padEnd(64, '0'), envelope_id: null, case_id: id, status: 'done', error_code: null, page_count: c.pages.length, created_by: null, created_at: created } as never).execute();
              for (const [p, kind] of c.pages.entries()) {
                await trx
                  .insertInto('pages')
                  .values({ id: randomUUID(), case_id: id, envelope_id: null, import_id: importId, source_page: p + 1, position: p, kind, kind_confirmed: 1, auto_rotation: 0, width: 1, height: 1, image: Buffer.alloc(0), thumbnail: Buffer.alloc(0), ocr_status: 'done', ocr_text: '', ocr_words: '[]', created_at: created } as never)
                  .execute();
              }
            }
            if (c.disposed) {
              await trx
                .insertInto('disposal_register')
                .values({ id: randomUUID(), batch_id: randomUUID(), case_id: id, case_no: no, classes: JSON.stringify(c.disposed), rule: '', reason: 'test', pages_erased: 0, disposed_by: null, disposed_by_name: null, disposed_at: created })
                .execute();
            }
            if (c.held) await trx.insertInto('legal_holds').values({ case_id: id, reason: 'test', placed_by: null, placed_at: created }).execute();
          }
        });
        value(await call('retention.updateSchedule', schedule));
        now = Date.parse(at);
        const before = await dueBefore(db, schedule, new Date(now));
        expect(value(await call('retention.due', {}))).toEqual(before);
        // Today's records alerts ask for a bounded number of cases (the chunked path).
        const service = new RetentionService(db, core.requireSession().ws.audit, () => new Date(now));
        expect(await service.due(db, limit)).toEqual(await dueBefore(db, schedule, new Date(now), limit));
        // Today's "and more" comes from the cut: a list not cut is the whole answer, a cut one a
        // part of it (it was true only when 500 cases had something due, whatever was skipped).
        const within = await service.dueWithin(db, limit);
        const all = value(await call('retention.due', {}));
        if (within.cut) expect(within.items.length).toBeLessThanOrEqual(all.length);
        else expect(within.items).toEqual(all);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
