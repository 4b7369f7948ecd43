import type { Bilingual } from '../result';

/** How an envelope came (I1: by mail only, normally registered with a return receipt). */
export const deliveryMethods = ['ippan_kakitome', 'kan_i_kakitome', 'tokutei_kiroku', 'futsu', 'other'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

export const deliveryLabels: Record<DeliveryMethod, Bilingual> = {
  ippan_kakitome: { ja: '一般書留', en: 'Registered mail (general)' },
  kan_i_kakitome: { ja: '簡易書留', en: 'Registered mail (simple)' },
  tokutei_kiroku: { ja: '特定記録', en: 'Specified record mail' },
  futsu: { ja: '普通郵便', en: 'Ordinary mail' },
  other: { ja: 'その他', en: 'Other' },
};

/** Methods that carry a tracking number (M1). */
export const tracked: ReadonlySet<DeliveryMethod> = new Set(['ippan_kakitome', 'kan_i_kakitome', 'tokutei_kiroku']);

/** How a response goes out (M2): ordinary, simple or general registered, or restricted delivery. */
export const outboundMethods = ['futsu', 'kan_i_kakitome', 'ippan_kakitome', 'honnin_gentei'] as const;
export type OutboundMethod = (typeof outboundMethods)[number];

export const outboundLabels: Record<OutboundMethod, Bilingual> = {
  futsu: { ja: '普通郵便', en: 'Ordinary mail' },
  kan_i_kakitome: { ja: '簡易書留', en: 'Registered mail (simple)' },
  ippan_kakitome: { ja: '一般書留', en: 'Registered mail (general)' },
  honnin_gentei: { ja: '本人限定受取郵便', en: 'Restricted delivery (addressee only)' },
};

/** 配達証明 (proof of delivery) is an option of general registered mail only (M2). */
export const proofAvailable = (m: OutboundMethod): boolean => m === 'ippan_kakitome';

/** Outbound methods that carry a tracking number. */
export const outboundTracked: ReadonlySet<OutboundMethod> = new Set(['kan_i_kakitome', 'ippan_kakitome', 'honnin_gentei']);
