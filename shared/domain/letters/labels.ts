import type { Bilingual } from '../../result';
import type { LetterTemplateId } from './types';

/** How staff name each template in lists and buttons. */
export const LETTER_TEMPLATE_LABELS: Record<LetterTemplateId, Bilingual> = {
  deficiency: { ja: '不備通知', en: 'Deficiency notice' },
  refusal_notice: { ja: '請求に応じない旨の通知（拒否）', en: 'Refusal notice' },
  withdrawal_ack: { ja: '取下げの受領通知', en: 'Withdrawal acknowledgement' },
  combined_reply: { ja: '一括回答書（全請求種別）', en: 'Combined reply (every kind)' },
  disclosure: { ja: '開示通知', en: 'Disclosure notice' },
  partial_or_refusal: { ja: '一部開示・不開示等の決定通知', en: 'Partial / negative decision' },
  no_data: { ja: '保有個人データ不存在通知', en: 'No-data notice' },
  purpose_of_use: { ja: '利用目的の通知', en: 'Purpose-of-use notice' },
  correction_result: { ja: '訂正等の結果通知', en: 'Result of correction' },
  suspension_result: { ja: '利用停止等の結果通知', en: 'Result of suspension / erasure' },
  third_party_stop_result: { ja: '第三者提供停止の結果通知', en: 'Result of stopping third-party provision' },
  provision_records: { ja: '第三者提供記録の開示通知', en: 'Third-party provision records' },
  money_order_return: { ja: '定額小為替の返還', en: 'Return of money orders' },
};
