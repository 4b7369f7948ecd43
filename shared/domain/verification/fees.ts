import type { FieldName } from '../application-form';
import { REQUEST_KINDS, type RequestKind } from '../page-kind';
import type { Finding, RuleResult } from './types';

/** K1-K6 live with their labels in page-kind.ts; re-exported for the rule modules. */
export { REQUEST_KINDS, type RequestKind };

/** K table: K1, K2 and K6 carry the fee. */
export const FEE_KINDS: readonly RequestKind[] = ['K1', 'K2', 'K6'];
/** F1: 1,000 yen per application (not per kind). */
export const FEE_PER_APPLICATION = 1000;

/** The 12 face values of the fixed postal money order (定額小為替), in yen. */
export const MONEY_ORDER_FACE_VALUES = [50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 750, 1000] as const;

export interface MoneyOrder {
  faceValue: number;
}

/** The kinds ticked on the form (request.k1..k6 = 'true'). */
export function requestedKinds(fields: Partial<Record<FieldName, string>>): RequestKind[] {
  return REQUEST_KINDS.filter((k) => fields[`request.k${k.slice(1)}` as FieldName] === 'true');
}

/** Fee due for one application: 1,000 yen when it contains K1, K2 or K6, otherwise 0. */
export function feeDue(kinds: readonly RequestKind[]): number {
  return kinds.some((k) => FEE_KINDS.includes(k)) ? FEE_PER_APPLICATION : 0;
}

export const isKnownFaceValue = (v: number): boolean => (MONEY_ORDER_FACE_VALUES as readonly number[]).includes(v);

export type FeeDetails = {
  due: number;
  /** Sum of the orders with a known face value. */
  paid: number;
  /** How much is missing (0 when covered). */
  short: number;
  /** Paid beyond the fee (orders to return, F4). */
  excess: number;
  unknownFaceValues: number[];
  outcome: 'not_needed' | 'covered' | 'short' | 'none_enclosed';
};

const yen = (n: number) => n.toLocaleString('en-US');

/**
 * F1 / F3. Covered: known orders sum to at least the fee (pass; an excess needs review so the
 * extra order is returned, F4). Short or none enclosed on a K1/K2/K6 application: F3 fail with
 * the shortfall. No fee due: pass, or needs review when orders were enclosed anyway (return
 * them, F4). Any face value that is not one of the 12 issued values: needs review (F1), unless
 * the fee is short even so (then F3 fail, naming the unknown order too).
 */
export function checkFee(kinds: readonly RequestKind[], orders: readonly MoneyOrder[]): RuleResult & { details: FeeDetails } {
  const due = feeDue(kinds);
  const unknownFaceValues = orders.map((o) => o.faceValue).filter((v) => !isKnownFaceValue(v));
  const paid = orders.map((o) => o.faceValue).filter(isKnownFaceValue).reduce((a, b) => a + b, 0);
  const short = Math.max(0, due - paid);
  const excess = Math.max(0, paid - due);
  const findings: Finding[] = unknownFaceValues.map((v) => ({
    code: 'unknown_face_value',
    status: 'needs_review',
    message: { ja: `額面 ${yen(v)}円の定額小為替は存在しません。記録を確認してください。`, en: `No fixed postal money order has a face value of ¥${yen(v)}: check the record.` },
  }));
  if (kinds.length === 0) {
    // #10 item 7: with no kind recorded the fee cannot be judged; never a pass.
    return {
      ruleId: 'F1',
      status: 'needs_review',
      message: { ja: '請求種別が記録されていないため、手数料の要否を判断できません。', en: 'No requested kind is recorded, so whether a fee is due cannot be judged.' },
      findings,
      details: { due, paid, short: 0, excess, unknownFaceValues, outcome: 'not_needed' },
    };
  }
  if (due === 0) {
    const details: FeeDetails = { due, paid, short: 0, excess, unknownFaceValues, outcome: 'not_needed' };
    if (orders.length === 0) {
      return { ruleId: 'F1', status: 'pass', message: { ja: '手数料は不要です（③④⑤のみの請求）。', en: 'No fee is due (K3-K5 only).' }, findings, details };
    }
    return {
      ruleId: 'F1',
      status: 'needs_review',
      message: { ja: '手数料は不要ですが定額小為替が同封されています。返還してください。', en: 'No fee is due but money orders were enclosed: return them.' },
      findings,
      details,
    };
  }
  if (short > 0) {
    const outcome = paid === 0 && unknownFaceValues.length === 0 ? 'none_enclosed' : 'short';
    return {
      ruleId: 'F3',
      status: 'fail',
      message:
        outcome === 'none_enclosed'
          ? { ja: `手数料 ${yen(due)}円分の定額小為替が同封されていません。`, en: `No fixed postal money order for the ¥${yen(due)} fee is enclosed.` }
          : { ja: `手数料が ${yen(short)}円不足しています（${yen(due)}円のうち ${yen(paid)}円）。`, en: `The fee is ¥${yen(short)} short (¥${yen(paid)} of ¥${yen(due)}).` },
      findings: [
        ...findings,
        {
          code: outcome,
          status: 'fail',
          message: { ja: `手数料として定額小為替 ${yen(due)}円分`, en: `Fixed postal money orders for the ¥${yen(due)} fee` },
        },
      ],
      details: { due, paid, short, excess: 0, unknownFaceValues, outcome },
    };
  }
  const details: FeeDetails = { due, paid, short: 0, excess, unknownFaceValues, outcome: 'covered' };
  if (unknownFaceValues.length > 0) {
    return { ruleId: 'F1', status: 'needs_review', message: { ja: '額面を確認できない定額小為替があります。', en: 'A money order has a face value that cannot be confirmed.' }, findings, details };
  }
  if (excess > 0) {
    return {
      ruleId: 'F1',
      status: 'needs_review',
      message: { ja: `手数料を ${yen(excess)}円超えて同封されています。超過分の返還を検討してください。`, en: `¥${yen(excess)} more than the fee was enclosed: consider returning the excess.` },
      findings,
      details,
    };
  }
  return { ruleId: 'F1', status: 'pass', message: { ja: `手数料 ${yen(due)}円を確認しました。`, en: `The ¥${yen(due)} fee is covered.` }, findings, details };
}
