import type { FormValues } from '../../electron/services/forms/fill-form';

export const COMPANY = {
  name: 'WESEEK株式会社',
  address: '〒169-0051 東京都新宿区西早稲田2-20-15 高田馬場アクセス10F',
  contactPoint: '個人情報保護管理者',
};

/** An appointed agent applying for disclosure (K1) and third-party records (K6). */
export const SAMPLE: FormValues = {
  'subject.kana': 'ヤマダ ハナコ',
  'subject.name': '山田 花子',
  'subject.birthDate': '昭和55年4月1日',
  'subject.phone': '090-1234-5678',
  'subject.postalCode': '169-0051',
  'subject.address': '東京都新宿区西早稲田二丁目20番15号 髙﨑ハイツ101号室',
  'subject.accountId': 'hanako.yamada@example.jp',
  'applicant.type': '任意代理人',
  'agent.kana': 'タカサキ イチロウ',
  'agent.name': '髙﨑 一郎',
  'agent.postalCode': '100-0001',
  'agent.address': '東京都千代田区千代田1-1',
  'agent.phone': '03-0000-0000',
  'request.k1': true,
  'request.k6': true,
  'request.target':
    '貴社サービスの会員情報（登録メールアドレス hanako.yamada@example.jp）および2024年1月から現在までの利用履歴・問い合わせ履歴の一切。第三者提供記録についても同期間分。',
  'request.method': 'paper',
  'enclosure.idDocument': 'license',
  'enclosure.agentProof': true,
  'enclosure.agentId': true,
  'enclosure.moneyOrder': true,
  'application.date': '令和8年11月24日',
  signature: '髙﨑 一郎',
};
