import { describe, expect, it } from 'vitest';
import { PAGE_KIND_LABELS, PAGE_KINDS, suggestPageKind, suggestRequestKinds } from '../../shared/domain/page-kind';

describe('suggestPageKind', () => {
  it.each([
    ['個人情報開示等請求書\n氏名 山田太郎', 'application_form', '開示等請求書'],
    ['個人 情報 開示 等 請求 書', 'application_form', '開示等請求書'],
    ['個人情報の開示の請求について\n請求者 山田太郎', 'application_form', '個人情報+開示+請求'],
    // the form lists enclosures: its title still wins
    [
      '個人情報開示等請求書\n本人確認書類 運転免許証 パスポート 健康保険証 年金手帳 住民票の写し\n代理権証明・委任状 定額小為替 1,000円',
      'application_form',
      '開示等請求書',
    ],
    ['運転免許証\n氏名 山田太郎\n有効期限 令和10年\n東京都公安委員会', 'id_document', '運転免許証'],
    ['日本国旅券 PASSPORT JAPAN', 'id_document', 'PASSPORT'],
    ['Passport Type P', 'id_document', 'PASSPORT'],
    ['国民健康保険被保険者証', 'id_document', '被保険者証'],
    ['年金手帳 基礎年金番号', 'id_document', '年金手帳'],
    ['住民票の写し', 'id_document', '住民票'],
    ['在留カード RESIDENCE CARD', 'id_document', '在留カード'],
    ['定額小為替証書 1000円 ゆうちょ銀行', 'money_order', '定額小為替'],
    ['為替証書', 'money_order', '為替証書'],
    // a power of attorney names the form it authorises
    ['委任状\n私は下記の者を代理人と定め、個人情報開示等請求書の提出に関する権限を委任します。', 'power_of_attorney', '委任状'],
    ['拝啓 時下ますますご清栄のこととお喜び申し上げます', 'other', undefined],
    ['', 'other', undefined],
  ])('%j -> %s', (text, kind, keyword) => {
    const s = suggestPageKind(text);
    expect(s.kind).toBe(kind);
    if (keyword) expect(s.matched).toContain(keyword);
    if (kind === 'other') expect(s).toEqual({ kind: 'other', score: 0, matched: [] });
    else expect(s.score).toBeGreaterThan(0);
  });

  it('has a label for every kind', () => {
    for (const k of PAGE_KINDS) expect(PAGE_KIND_LABELS[k].ja && PAGE_KIND_LABELS[k].en).toBeTruthy();
  });
});

describe('suggestRequestKinds', () => {
  const kinds = (text: string) => suggestRequestKinds(text).map((s) => s.kind);
  it.each([
    ['保有個人データの開示を請求します', ['K1']],
    ['利用目的の通知を求めます', ['K2']],
    ['登録住所の訂正をお願いします', ['K3']],
    ['内容の追加', ['K3']],
    ['誤った情報の追加又は削除', ['K3']],
    ['私の情報の利用停止と消去を求めます', ['K4']],
    ['利用の停止・消去', ['K4']],
    ['第三者提供の停止', ['K5']],
    ['第三者への提供の停止', ['K5']],
    ['第三者提供記録の開示', ['K6']],
    ['第三者 提供 記録 の 開示', ['K6']],
    ['保有個人データの開示及び第三者提供記録の開示', ['K1', 'K6']],
    ['利用の停止又は第三者への提供の停止', ['K4', 'K5']],
    // the umbrella term 開示等 is not a request for disclosure
    ['個人情報開示等請求書', []],
    ['開示等の請求に関する手続', []],
    ['同封書類の追加について', []],
    ['', []],
  ])('%j -> %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('gives the matched phrases as reasons', () => {
    expect(suggestRequestKinds('第三者提供記録の開示と利用目的の通知')).toEqual([
      { kind: 'K2', reasons: ['利用目的の通知'] },
      { kind: 'K6', reasons: ['第三者提供記録の開示'] },
    ]);
  });
});
