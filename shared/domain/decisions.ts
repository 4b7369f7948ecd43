import type { Bilingual } from '../result';
import type { RequestKind } from './page-kind';

/**
 * What the administrator decides for each requested kind (R1-R4). Letters (R1, Art. 36)
 * are composed from these values; the services store them and audit every change.
 */
export const DECISION_OUTCOMES = ['done', 'partial', 'not_done', 'no_data', 'alternative'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, Bilingual> = {
  done: { ja: '請求どおり対応', en: 'Done as requested' },
  partial: { ja: '一部対応', en: 'Done in part' },
  not_done: { ja: '対応しない', en: 'Not done' },
  no_data: { ja: '保有個人データなし', en: 'No data held' },
  alternative: { ja: '代替措置', en: 'Alternative measure' },
};

/**
 * Grounds the law allows for not doing (all or part of) what was asked: Art. 33(2)(i)-(iii)
 * (R2), and the refusals of seed Art. 10 (R3). `no_data` has its own outcome, not a ground.
 */
export const DECISION_GROUNDS = ['harm', 'business', 'other_law', 'not_liable', 'repeated', 'excessive_work'] as const;
export type DecisionGround = (typeof DECISION_GROUNDS)[number];

export const DECISION_GROUND_LABELS: Record<DecisionGround, Bilingual & { law: Bilingual }> = {
  harm: {
    ja: '本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある',
    en: 'Disclosure could harm the life, body, property or other rights and interests of the person or a third party',
    law: { ja: '個人情報保護法第33条第2項第1号', en: 'APPI Art. 33(2)(i)' },
  },
  business: {
    ja: '当社の業務の適正な実施に著しい支障を及ぼすおそれがある',
    en: "Disclosure could seriously hinder the proper conduct of the company's business",
    law: { ja: '個人情報保護法第33条第2項第2号', en: 'APPI Art. 33(2)(ii)' },
  },
  other_law: {
    ja: '他の法令に違反することとなる',
    en: 'Disclosure would violate other laws and regulations',
    law: { ja: '個人情報保護法第33条第2項第3号', en: 'APPI Art. 33(2)(iii)' },
  },
  not_liable: {
    ja: '当社が法に基づく義務を負わない請求である',
    en: 'The company is not liable to act on this request under the Act',
    law: { ja: '当社「開示等の求めに応じる手続」第10条', en: "The company's procedure, Art. 10" },
  },
  repeated: {
    ja: '正当な理由なく同一内容の請求が繰り返されている',
    en: 'The same request has been repeated many times without justifiable reason',
    law: { ja: '当社「開示等の求めに応じる手続」第10条', en: "The company's procedure, Art. 10" },
  },
  excessive_work: {
    ja: '過大な技術的作業を要する',
    en: 'Responding would require excessive technical work',
    law: { ja: '当社「開示等の求めに応じる手続」第10条', en: "The company's procedure, Art. 10" },
  },
};

/** The administrator's decision on one requested kind of one case. */
export interface KindDecision {
  kind: RequestKind;
  outcome: DecisionOutcome;
  /** Required (at least one) for partial and not_done (Art. 36: explain why). */
  grounds: readonly DecisionGround[];
  /** The administrator's own words, printed under the grounds. */
  reasonText: string;
  /** R4 (K4/K5 only): the alternative measure taken instead of stopping. */
  alternativeMeasure?: string;
  /** K1/K6 done or partial: what is enclosed with the notice, one item per line. */
  enclosures?: readonly string[];
}

/** Why a decision cannot be saved as it is, or null when it can. */
export function decisionProblem(d: KindDecision): Bilingual | null {
  if ((d.outcome === 'partial' || d.outcome === 'not_done') && d.grounds.length === 0) {
    return { ja: '一部対応・対応しない場合は、法令上の理由を1つ以上選んでください。', en: 'Choose at least one legal ground for a partial or negative decision.' };
  }
  if (d.outcome === 'alternative' && d.kind !== 'K4' && d.kind !== 'K5') {
    return { ja: '代替措置は利用停止等・第三者提供の停止の請求にのみ選べます（R4）。', en: 'An alternative measure is only possible for suspension/erasure or third-party provision requests (R4).' };
  }
  if (d.outcome === 'alternative' && !d.alternativeMeasure?.trim()) {
    return { ja: '代替措置の内容を記入してください。', en: 'Describe the alternative measure.' };
  }
  return null;
}
