import type { Obligation } from '../domain/obligations';
import type { CaseDeadline, DayCount, Urgency } from '../domain/deadlines';
import type { TodayContact } from './contacts-types';

/** Output types of the Today view and deadlines (#5, I5). */

/** A case on the Today view: its number (links to `#/cases/<id>`), subject and the date that matters. */
export interface TodayCase {
  caseId: string;
  caseNo: string;
  subjectName: string;
  status: string;
  receivedOn: string;
  /** The target date (overdue, due soon) or the Art. 39 day-14 date (day-14 lists). */
  date: string;
  /** Negative once the date has passed. */
  daysLeft: number;
  urgency: Urgency;
}

export interface TodayDeficient {
  caseId: string;
  caseNo: string;
  subjectName: string;
  /** The day the case became deficient (Japan). */
  since: string;
  daysWaiting: number;
}

export interface TodayMoneyOrder {
  orderId: string;
  caseId: string;
  caseNo: string;
  certificateNo: string;
  faceValue: number;
  receivedOn: string;
  payableUntil: string;
  daysLeft: number;
}

export interface TodayMail {
  mailId: string;
  caseId: string;
  caseNo: string;
  method: string;
  trackingNo: string | null;
  sentOn: string;
  daysWaiting: number;
}

export interface TodayLetter {
  letterId: string;
  caseId: string;
  caseNo: string;
  template: string;
  issuedOn: string | null;
}

/** A count over everything that matches and the first items (most urgent first). */
export interface TodayList<T> {
  count: number;
  items: T[];
}

/** K1-K6 as ticked on the form; `none` when no kind was entered yet. */
export type ChartKind = 'K1' | 'K2' | 'K3' | 'K4' | 'K5' | 'K6' | 'none';
export type MonthCounts = { month: string } & Record<ChartKind, number>;

/** Why a case is on Today's one list (#13 item 6); dated reasons carry their day and days left. */
export type TodayReasonCode = 'overdue' | 'due_soon' | 'day14_passed' | 'day14_soon' | 'owed' | 'order_lapsing' | 'order_lapsed';

export interface TodayReason {
  code: TodayReasonCode;
  /** Target, day 14 or the earliest payable-until day of the orders concerned. */
  date?: string;
  daysLeft?: number;
  /** 'owed': what the case still owes (shared/domain/obligations.ts). */
  owed?: Obligation[];
  /** Money-order reasons: how many orders. */
  orders?: number;
}

/** One case with every reason it needs action now: one row, however many lists it would be on. */
export interface TodayActionCase {
  caseId: string;
  caseNo: string;
  subjectName: string;
  status: string;
  receivedOn: string;
  reasons: TodayReason[];
}

export interface TodayOverview {
  today: string;
  settings: { responseTargetDays: number; responseDayCount: DayCount; moneyOrderWarningDays: number; deficientWaitDays: number; dueSoonDays: number };
  /** Every case that needs action now, one row each with all its reasons, most urgent first. */
  needsAction: TodayList<TodayActionCase>;
  /** Open, clock running, past the company's target. */
  overdue: TodayList<TodayCase>;
  /** Open, clock running, target today or within dueSoonDays. */
  dueSoon: TodayList<TodayCase>;
  /** Open cases past the Art. 39 day-14 marker (a suit may be filed). */
  day14Passed: TodayList<TodayCase>;
  /** Open cases reaching day 14 today or within dueSoonDays. */
  day14Soon: TodayList<TodayCase>;
  /** Received and not cashed, still payable (F2/F4), soonest lapse first. */
  ordersToCash: TodayList<TodayMoneyOrder>;
  /** The part of ordersToCash that lapses within moneyOrderWarningDays. */
  ordersLapsing: TodayList<TodayMoneyOrder>;
  /** Still recorded as received but past their payable-until date. */
  ordersLapsed: TodayList<TodayMoneyOrder>;
  /** Deficient cases waiting for the applicant longer than deficientWaitDays (I4). */
  deficientWaiting: TodayList<TodayDeficient>;
  /** Outbound items with 配達証明 bought whose proof has not come back (M2). */
  awaitingProof: TodayList<TodayMail>;
  /** Issued letters not yet logged as outbound mail. */
  lettersToSend: TodayList<TodayLetter>;
  /** I1: contacts (phone, e-mail, fax, desk) whose guidance letter was not mailed yet. */
  guidanceOwed: TodayList<TodayContact>;
  /** The last 12 months, oldest first: requests received and closed per kind. */
  chart: { received: MonthCounts[]; closed: MonthCounts[] };
  /** Backups (#15, S2): warn when the newest verified one is older than the setting, or there is none. */
  backup: { lastVerifiedAt: string | null; warnAfterDays: number; stale: boolean; folderSet: boolean };
  /** Records whose retention period is over (#15, S4): classes of cases to dispose of; `more` when the bounded look stopped. */
  disposalDue: { count: number; held: number; more: boolean; items: { caseId: string; caseNo: string; recordClass: 'id_documents' | 'money_order_images' | 'case_file'; dueOn: string }[] };
}

/** The case file's deadline panel. */
export type CaseDeadlineView = CaseDeadline & { dayCount: DayCount; targetDays: number; status: string };

/** The case list's urgency columns (cases.list rows). */
export interface CaseUrgency {
  dueOn: string | null;
  day14On: string | null;
  /** Days until dueOn in Japan (negative: overdue); null when the clock is not running. */
  daysLeft: number | null;
  urgency: Urgency;
}
