import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { isCaseState, pausesClock } from '@shared/domain/case-state';
import { DECISION_GROUNDS, DECISION_GROUND_LABELS, DECISION_OUTCOMES, DECISION_OUTCOME_LABELS, type DecisionGround, type DecisionOutcome } from '@shared/domain/decisions';
import { spansFromChanges, targetDate } from '@shared/domain/deadlines';
import { isoDateInJapan } from '@shared/domain/dates';
import { REQUEST_KINDS, type RequestKind } from '@shared/domain/page-kind';
import { caseLateness, yearReportFromGroups, type ReportCaseGroup, type ReportDecisionGroup, type ReportFigures, type ReportOrderGroup, type YearReport } from '@shared/domain/reports';
import { refreshCaseFacts } from '../facts/case-facts';
import type { Actor, AuditLog } from '../audit/audit-log';
import { japanDay, readDeadlineSettings } from '../today/deadline-store';
import { reportPdf } from './report-pdf';
import type { Database } from '../vault/schema';

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

  /**
   * From the stored per-case facts (services/facts, migration 024): GROUP BY month and facts in
   * SQL, a few hundred groups for a year of any size; only cases whose clock is paused now (their
   * target moves with today) are computed one by one. Orders by month of each event.
   */
  private async compute(year: number): Promise<YearReport> {
    await refreshCaseFacts(this.db);
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const today = isoDateInJapan(this.now());
    const month = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;
    const inYear = (col: 'received_on' | 'cashed_on' | 'returned_on') =>
      this.db
        .selectFrom('money_orders')
        .select([month(col).as('month'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('face_value').as('yen')])
        .where(col, '>=', from)
        .where(col, '<=', to)
        .groupBy(month(col))
        .execute();
    const [grouped, paused, received, cashed, returned] = await Promise.all([
      sql<{ month: string; kinds: string; answer_days: number | null; over_target: number; past14: number; was_deficient: number; decided: string; n: number }>`
        SELECT substr(received_on, 1, 7) AS month, kinds, answer_days, decided,
          CASE WHEN coalesce(answered_on, ${today}) > target_on THEN 1 ELSE 0 END AS over_target,
          CASE WHEN coalesce(answered_on, ${today}) > day14_on THEN 1 ELSE 0 END AS past14,
          was_deficient, count(*) AS n
        FROM case_facts
        WHERE received_on >= ${from} AND received_on <= ${to} AND target_on IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(this.db),
      this.db
        .selectFrom('case_facts')
        .select(['case_id', 'received_on', 'kinds', 'answered_on', 'answer_days', 'day14_on', 'was_deficient', 'decided'])
        .where('received_on', '>=', from)
        .where('received_on', '<=', to)
        .where('target_on', 'is', null)
        .execute(),
      inYear('received_on'),
      inYear('cashed_on'),
      inYear('returned_on'),
    ]);
    const kindsOf = (k: string) => (k ? (k.split(',') as RequestKind[]) : []);
    const decisions: ReportDecisionGroup[] = [];
    const addDecisions = (month: string, decided: string, count: number) => {
      for (const d of decided ? decided.split(';') : []) {
        const [outcome, grounds] = d.split(':');
        decisions.push({ month, outcome: outcome as DecisionOutcome, grounds: grounds ? (grounds.split(',') as DecisionGround[]) : [], count });
      }
    };
    for (const g of grouped.rows) addDecisions(g.month, g.decided, Number(g.n));
    const cases: ReportCaseGroup[] = grouped.rows.map((g) => ({
      month: g.month,
      kinds: kindsOf(g.kinds),
      answerDays: g.answer_days,
      overTarget: g.over_target === 1,
      pastDay14: g.past14 === 1,
      wasDeficient: g.was_deficient === 1,
      count: Number(g.n),
    }));
    if (paused.length > 0) {
      const { rules } = await readDeadlineSettings(this.db);
      const history = await this.db
        .selectFrom('case_status_changes')
        .select(['case_id', 'from_state', 'to_state', 'changed_at'])
        .where('case_id', 'in', paused.map((p) => p.case_id))
        .orderBy('changed_at')
        .execute();
      for (const p of paused) {
        const spans = spansFromChanges(
          history.filter((h) => h.case_id === p.case_id).map((h) => ({ fromState: h.from_state, toState: h.to_state, at: h.changed_at })),
          (s) => isCaseState(s) && pausesClock(s),
          japanDay,
        );
        const late = caseLateness({ answeredOn: p.answered_on, targetOn: targetDate(p.received_on!, rules, spans, today), day14On: p.day14_on! }, today);
        addDecisions(p.received_on!.slice(0, 7), p.decided, 1);
        cases.push({ month: p.received_on!.slice(0, 7), kinds: kindsOf(p.kinds), answerDays: p.answer_days, ...late, wasDeficient: p.was_deficient === 1, count: 1 });
      }
    }
    const orders: ReportOrderGroup[] = (
      [
        ['received', received],
        ['cashed', cashed],
        ['returned', returned],
      ] as const
    ).flatMap(([event, rows]) => rows.map((r) => ({ month: r.month, event, count: Number(r.n), yen: Number(r.yen) })));
    return yearReportFromGroups(
      year,
      cases,
      decisions,
      orders,
    );
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
