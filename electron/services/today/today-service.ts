import type { Kysely } from 'kysely';
import type { TodayCase, TodayDeficient, TodayLetter, TodayList, TodayMail, TodayMoneyOrder, TodayOverview } from '@shared/contract/today-types';
import { isoDateInJapan } from '@shared/domain/dates';
import { DUE_SOON_DAYS, daysLeft, urgencyOf } from '@shared/domain/deadlines';
import { addDays, daysBetween } from '@shared/domain/verification/date-rules';
import type { Actor, AuditLog } from '../audit/audit-log';
import type { ContactService } from '../contacts/contact-service';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../vault/schema';
import { DeadlineStore, japanDay } from './deadline-store';
import { monthlyChart } from './month-chart';
import { needsAction } from './needs-action';
import { recordsKeeping } from '../retention/today-items';

/** Items per list; the counts cover everything that matches. */
export const TODAY_ITEMS = 20;

/**
 * The Today view (#5): what needs doing now, in one call. Every list is one index range
 * (stored case deadlines of migration 009, money_orders(state, payable_until), mail_items'
 * awaiting index, letters(status, issued_at)); see bench/today.ts for the query plans' cost.
 */
export class TodayService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly settings: SettingsService,
    private readonly now: () => Date,
    readonly deadlines: DeadlineStore,
    private readonly contacts: ContactService,
  ) {}

  async overview(actor: Actor): Promise<TodayOverview> {
    await this.deadlines.ensureCurrent();
    const settings = await this.settings.get();
    const now = this.now();
    const today = isoDateInJapan(now);
    const soon = addDays(today, DUE_SOON_DAYS);
    const lapseHorizon = addDays(today, settings.moneyOrderWarningDays);
    // #16: independent reads go out together. On an office database each statement is a round
    // trip to the server and the desk's pool runs several at once (Today is ~50 statements); the
    // vault runs them one after another on its one connection, as before.
    const [overdue, dueSoon, day14Passed, day14Soon, ordersToCash, ordersLapsing, ordersLapsed] = await Promise.all([
      this.cases('due_on', null, today, false, today),
      this.cases('due_on', today, soon, true, today),
      this.cases('day14_on', null, today, false, today),
      this.cases('day14_on', today, soon, true, today),
      this.orders({ from: today, to: null }, today),
      this.orders({ from: today, to: lapseHorizon }, today),
      this.orders({ before: today }, today),
    ]);
    const deficientSince = new Date(now.getTime() - settings.deficientWaitDays * 86_400_000).toISOString();
    // #13 item 6: one row per case with all its reasons. First and alone: it brings the stored
    // case facts up to date, which the lists below (chart, disposal) read.
    const needing = await needsAction(this.db, { today, soon, lapseHorizon }, TODAY_ITEMS);
    const [guidanceOwed, deficientWaiting, awaitingProof, lettersToSend, chart, keeping] = await Promise.all([
      // I1: contacts by phone, e-mail, fax or at the desk until their guidance letter is mailed.
      this.contacts.owed(today, TODAY_ITEMS),
      this.deficient(deficientSince, today),
      this.awaitingProof(today),
      this.lettersToSend(),
      monthlyChart(this.db, today),
      recordsKeeping(this.db, this.audit, now),
    ]);
    const overview: TodayOverview = {
      today,
      settings: {
        responseTargetDays: settings.responseTargetDays,
        responseDayCount: settings.responseDayCount,
        moneyOrderWarningDays: settings.moneyOrderWarningDays,
        deficientWaitDays: settings.deficientWaitDays,
        dueSoonDays: DUE_SOON_DAYS,
      },
      needsAction: needing,
      overdue,
      dueSoon,
      day14Passed,
      day14Soon,
      ordersToCash,
      ordersLapsing,
      ordersLapsed,
      deficientWaiting,
      awaitingProof,
      lettersToSend,
      guidanceOwed,
      chart,
      ...keeping,
    };
    // Names of applicants were shown: a view of personal data (S3), like the case list.
    const shown = [...new Set([needing, overdue, dueSoon, day14Passed, day14Soon].flatMap((l) => l.items.map((c: { caseNo: string }) => c.caseNo)))];
    await this.audit.append(this.db, actor, { action: 'case.listed', recordType: 'case', summary: { view: 'today', shown, ...(guidanceOwed.items.length ? { contactsShown: guidanceOwed.items.map((c) => c.contactNo) } : {}) } });
    return overview;
  }

  /**
   * Open cases whose stored date lies in [from, to] (or before `to` when `from` is null and
   * `inclusive` false: strictly before). NULL dates (final or paused cases) never match.
   */
  private async cases(column: 'due_on' | 'day14_on', from: string | null, to: string, inclusive: boolean, today: string): Promise<TodayList<TodayCase>> {
    let q = this.db.selectFrom('cases').where(column, inclusive ? '<=' : '<', to);
    q = from === null ? q.where(column, 'is not', null) : q.where(column, '>=', from);
    const [{ n }, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q.select(['id', 'case_no', 'subject_name', 'status', 'received_on', column]).orderBy(column).orderBy('case_no').limit(TODAY_ITEMS).execute(),
    ]);
    return {
      count: Number(n),
      items: rows.map((r) => {
        const date = (r as Record<string, unknown>)[column] as string;
        return {
          caseId: r.id,
          caseNo: r.case_no,
          subjectName: r.subject_name,
          status: r.status,
          receivedOn: r.received_on,
          date,
          daysLeft: daysLeft(date, today),
          urgency: urgencyOf(date, today, { final: false, paused: false }),
        };
      }),
    };
  }

  /**
   * Orders still recorded as received (F4) with payable-until in a range: [from, to] (to null:
   * any later day) or, with `before`, strictly before that day (lapsed, F2).
   */
  private async orders(range: { from: string; to: string | null } | { before: string }, today: string): Promise<TodayList<TodayMoneyOrder>> {
    let base = this.db.selectFrom('money_orders').where('state', '=', 'received');
    let list = this.db
      .selectFrom('money_orders')
      .innerJoin('cases', 'cases.id', 'money_orders.case_id')
      .where('money_orders.state', '=', 'received');
    if ('before' in range) {
      base = base.where('payable_until', '<', range.before);
      list = list.where('money_orders.payable_until', '<', range.before);
    } else {
      base = base.where('payable_until', '>=', range.from);
      list = list.where('money_orders.payable_until', '>=', range.from);
      if (range.to) {
        base = base.where('payable_until', '<=', range.to);
        list = list.where('money_orders.payable_until', '<=', range.to);
      }
    }
    const [{ n }, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      list
        .select(['money_orders.id', 'money_orders.case_id', 'cases.case_no', 'money_orders.certificate_no', 'money_orders.face_value', 'money_orders.received_on', 'money_orders.payable_until'])
        // Lapsed: the most recent first; still payable: the soonest lapse first.
        .orderBy('money_orders.payable_until', 'before' in range ? 'desc' : 'asc')
        .limit(TODAY_ITEMS)
        .execute(),
    ]);
    return {
      count: Number(n),
      items: rows.map((r) => ({
        orderId: r.id,
        caseId: r.case_id,
        caseNo: r.case_no,
        certificateNo: r.certificate_no,
        faceValue: r.face_value,
        receivedOn: r.received_on,
        payableUntil: r.payable_until,
        daysLeft: daysLeft(r.payable_until, today),
      })),
    };
  }

  private async deficient(since: string, today: string): Promise<TodayList<TodayDeficient>> {
    const q = this.db.selectFrom('cases').where('status', '=', 'deficient').where('status_since', '<', since);
    const [{ n }, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q.select(['id', 'case_no', 'subject_name', 'status_since']).orderBy('status_since').limit(TODAY_ITEMS).execute(),
    ]);
    return {
      count: Number(n),
      items: rows.map((r) => {
        const day = japanDay(r.status_since!);
        return { caseId: r.id, caseNo: r.case_no, subjectName: r.subject_name, since: day, daysWaiting: daysBetween(day, today) };
      }),
    };
  }

  private async awaitingProof(today: string): Promise<TodayList<TodayMail>> {
    const q = this.db
      .selectFrom('mail_items')
      .where('proof_received_on', 'is', null)
      .where('proof_requested', '=', 1)
      .where('returned_on', 'is', null);
    const [{ n }, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q
        .innerJoin('cases', 'cases.id', 'mail_items.case_id')
        .select(['mail_items.id', 'mail_items.case_id', 'cases.case_no', 'method', 'tracking_no', 'sent_on'])
        .orderBy('sent_on')
        .limit(TODAY_ITEMS)
        .execute(),
    ]);
    return {
      count: Number(n),
      items: rows.map((r) => ({
        mailId: r.id,
        caseId: r.case_id,
        caseNo: r.case_no,
        method: r.method,
        trackingNo: r.tracking_no,
        sentOn: r.sent_on,
        daysWaiting: daysBetween(r.sent_on, today),
      })),
    };
  }

  /** Issued letters (#6) that no outbound mail item carries yet. */
  private async lettersToSend(): Promise<TodayList<TodayLetter>> {
    const q = this.db
      .selectFrom('letters')
      .where('letters.status', '=', 'issued')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('mail_items').select('mail_items.id').whereRef('mail_items.letter_id', '=', 'letters.id'))));
    const [{ n }, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q
        .innerJoin('cases', 'cases.id', 'letters.case_id')
        .select(['letters.id', 'letters.case_id', 'cases.case_no', 'letters.template', 'letters.issued_on'])
        .orderBy('letters.issued_at')
        .limit(TODAY_ITEMS)
        .execute(),
    ]);
    return {
      count: Number(n),
      items: rows.map((r) => ({ letterId: r.id, caseId: r.case_id, caseNo: r.case_no, template: r.template, issuedOn: r.issued_on })),
    };
  }
}
