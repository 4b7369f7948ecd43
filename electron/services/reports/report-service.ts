import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { isCaseState, pausesClock } from '@shared/domain/case-state';
import { DECISION_GROUNDS, DECISION_GROUND_LABELS, DECISION_OUTCOMES, DECISION_OUTCOME_LABELS, type DecisionGround, type DecisionOutcome } from '@shared/domain/decisions';
import { day14Date, spansFromChanges, targetDate } from '@shared/domain/deadlines';
import { isoDateInJapan } from '@shared/domain/dates';
import { REQUEST_KINDS, type RequestKind } from '@shared/domain/page-kind';
import { yearReport, type ReportCase, type ReportFigures, type ReportOrder, type YearReport } from '@shared/domain/reports';
import { requestedKinds } from '@shared/domain/verification/fees';
import type { FieldName } from '@shared/domain/application-form';
import type { Actor, AuditLog } from '../audit/audit-log';
import { japanDay, readDeadlineSettings } from '../today/deadline-store';
import { reportPdf } from './report-pdf';
import type { Database } from '../vault/schema';

/** States that mean the final response went out (or the request ended with a refusal notice). */
const ANSWERED = new Set(['responding', 'refused', 'closed']);

/**
 * Yearly figures (#15 item 4) from the case file, the decisions, the status history and the
 * money-order ledger. Counts only: nothing personal is read beyond dates and kinds.
 */
export class ReportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  async year(actor: Actor, year: number): Promise<YearReport> {
    const report = await this.compute(year);
    await this.audit.append(this.db, actor, { action: 'report.viewed', recordType: 'report', summary: { year, received: report.total.received } });
    return report;
  }

  async exportXlsx(actor: Actor, year: number): Promise<{ fileName: string; dataBase64: string }> {
    const report = await this.compute(year);
    const bytes = await reportXlsx(report);
    await this.audit.append(this.db, actor, { action: 'report.exported', recordType: 'report', summary: { year, format: 'xlsx' } });
    return { fileName: `kaiji-report-${year}.xlsx`, dataBase64: bytes.toString('base64') };
  }

  async exportPdf(actor: Actor, year: number): Promise<{ fileName: string; dataBase64: string }> {
    const report = await this.compute(year);
    const company = await this.db.selectFrom('settings').select('value').where('key', '=', 'companyName').executeTakeFirst();
    const pdf = await reportPdf(report, company ? (JSON.parse(company.value) as string) : '', isoDateInJapan(this.now()));
    await this.audit.append(this.db, actor, { action: 'report.exported', recordType: 'report', summary: { year, format: 'pdf' } });
    return { fileName: `kaiji-report-${year}.pdf`, dataBase64: Buffer.from(pdf).toString('base64') };
  }

  private async compute(year: number): Promise<YearReport> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const { rules } = await readDeadlineSettings(this.db);
    // One range query per table (joined on the year's cases by received_on), not IN lists per chunk.
    const [rows, fields, changes, decisions] = await Promise.all([
      this.db.selectFrom('cases').select(['id', 'received_on']).where('received_on', '>=', from).where('received_on', '<=', to).execute(),
      this.db
        .selectFrom('case_fields as f')
        .innerJoin('cases as c', 'c.id', 'f.case_id')
        .select(['f.case_id', 'f.field', 'f.value'])
        .where('c.received_on', '>=', from)
        .where('c.received_on', '<=', to)
        .where('f.field', 'in', ['request.k1', 'request.k2', 'request.k3', 'request.k4', 'request.k5', 'request.k6'])
        .execute(),
      this.db
        .selectFrom('case_status_changes as h')
        .innerJoin('cases as c', 'c.id', 'h.case_id')
        .select(['h.case_id', 'h.from_state', 'h.to_state', 'h.changed_at'])
        .where('c.received_on', '>=', from)
        .where('c.received_on', '<=', to)
        .orderBy('h.changed_at')
        .execute(),
      this.db
        .selectFrom('case_decisions as d')
        .innerJoin('cases as c', 'c.id', 'd.case_id')
        .select(['d.case_id', 'd.kind', 'd.outcome', 'd.grounds'])
        .where('c.received_on', '>=', from)
        .where('c.received_on', '<=', to)
        .execute(),
    ]);
    const group = <T extends { case_id: string }>(list: T[]) => {
      const m = new Map<string, T[]>();
      for (const x of list) {
        const l = m.get(x.case_id);
        if (l) l.push(x);
        else m.set(x.case_id, [x]);
      }
      return m;
    };
    const f = group(fields);
    const c = group(changes);
    const d = group(decisions);
    const today = isoDateInJapan(this.now());
    const cases: ReportCase[] = rows.map((r) => {
      const history = (c.get(r.id) ?? []).map((x) => ({ fromState: x.from_state, toState: x.to_state, at: x.changed_at }));
      const answered = history.find((h) => ANSWERED.has(h.toState));
      const spans = spansFromChanges(history, (s) => isCaseState(s) && pausesClock(s), japanDay);
      return {
        receivedOn: r.received_on,
        kinds: requestedKinds(Object.fromEntries((f.get(r.id) ?? []).map((x) => [x.field as FieldName, x.value]))),
        answeredOn: answered ? japanDay(answered.at) : null,
        targetOn: targetDate(r.received_on, rules, spans, today),
        day14On: day14Date(r.received_on),
        wasDeficient: history.some((h) => h.toState === 'deficient'),
        decisions: (d.get(r.id) ?? []).map((x) => ({ kind: x.kind as RequestKind, outcome: x.outcome as DecisionOutcome, grounds: JSON.parse(x.grounds) as DecisionGround[] })),
      };
    });
    // Orders with any event in the year.
    const orders: ReportOrder[] = (
      await this.db
        .selectFrom('money_orders')
        .select(['face_value', 'received_on', 'cashed_on', 'returned_on'])
        .where((eb) =>
          eb.or([
            eb.and([eb('received_on', '>=', from), eb('received_on', '<=', to)]),
            eb.and([eb('cashed_on', '>=', from), eb('cashed_on', '<=', to)]),
            eb.and([eb('returned_on', '>=', from), eb('returned_on', '<=', to)]),
          ]),
        )
        .execute()
    ).map((o) => ({ faceValue: o.face_value, receivedOn: o.received_on, cashedOn: o.cashed_on, returnedOn: o.returned_on }));
    return yearReport(year, cases, orders, isoDateInJapan(this.now()));
  }
}

/** One row per month and the year's total; bilingual headers (the yearly figures some companies publish). */
export async function reportXlsx(report: YearReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kaiji';
  const sheet = wb.addWorksheet(`${report.year} 集計 Figures`);
  const columns: { header: string; value: (f: ReportFigures) => number | string | null }[] = [
    { header: '期間 Period', value: (f) => f.period },
    { header: '受付 Received', value: (f) => f.received },
    ...REQUEST_KINDS.map((k) => ({ header: `${k}`, value: (f: ReportFigures) => f.byKind[k] })),
    ...DECISION_OUTCOMES.map((o) => ({ header: `${DECISION_OUTCOME_LABELS[o].ja} ${DECISION_OUTCOME_LABELS[o].en}`, value: (f: ReportFigures) => f.byOutcome[o] })),
    ...DECISION_GROUNDS.map((g) => ({ header: `${DECISION_GROUND_LABELS[g].ja} ${DECISION_GROUND_LABELS[g].en}`, value: (f: ReportFigures) => f.byGround[g] })),
    { header: '回答済み Answered', value: (f) => f.answered },
    { header: '回答日数（中央値） Days (median)', value: (f) => f.daysMedian },
    { header: '回答日数（90%） Days (p90)', value: (f) => f.daysP90 },
    { header: '目標超過 Over target', value: (f) => f.overTarget },
    { header: '14日超過 Past day 14', value: (f) => f.pastDay14 },
    { header: '不備 Deficient', value: (f) => f.deficient },
    { header: '不備率 Deficiency rate', value: (f) => Math.round(f.deficiencyRate * 1000) / 10 },
    { header: '小為替受領（円） Fees received (yen)', value: (f) => f.fees.received.yen },
    { header: '換金（円） Cashed (yen)', value: (f) => f.fees.cashed.yen },
    { header: '返還（円） Returned (yen)', value: (f) => f.fees.returned.yen },
  ];
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.max(10, Math.min(28, c.header.length + 2)) }));
  for (const f of [...report.months, report.total]) sheet.addRow(columns.map((c) => c.value(f)));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(sheet.rowCount).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
