import { describe, expect, it } from 'vitest';
import {
  checklistOf,
  checkResubmission,
  deficiencyList,
  requiredDocuments,
  RESEND_INSTRUCTION,
  runChecklist,
  worst,
  best,
} from '../../shared/domain/verification';
import { completeFields, completeInput, license } from './verification-fixtures';

const ids = (input: Parameters<typeof runChecklist>[0]) => runChecklist(input).map((r) => `${r.ruleId}:${r.status}`);

describe('runChecklist: every rule, fixed order', () => {
  it('a complete self K1 application passes everything', () => {
    expect(ids(completeInput())).toEqual(['I3:pass', 'D2:pass', 'D7:pass', 'F1:pass', 'R3:pass']);
    expect(checklistOf(completeInput()).overall).toBe('pass');
  });

  it('an appointed agent application adds the agent ID after D7', () => {
    const input = completeInput({
      fields: completeFields({ 'applicant.type': 'appointed', 'agent.kana': 'スズキ イチロウ', 'agent.name': '鈴木一郎', 'agent.postalCode': '100-0001', 'agent.address': '東京都千代田区千代田1-1', 'agent.phone': '03-0000-0000' }),
      agentProofs: [{ type: 'power_of_attorney', issuedOn: '令和8年3月20日' }],
      agentIds: [license({ type: 'passport', name: 'すずき いちろう', address: '東京都千代田区千代田1-1', validUntil: '2030-01-01', birthDate: undefined })],
    });
    // the passport shows kana: the reading スズキ イチロウ agrees, but the kanji cannot be confirmed
    expect(ids(input)).toEqual(['I3:pass', 'D2:pass', 'D7:pass', 'D3:needs_review', 'F1:pass', 'R3:pass']);
    expect(checklistOf(input).overall).toBe('needs_review');
  });

  it('the order does not depend on what fails', () => {
    const input = completeInput({ fields: completeFields({ 'application.date': '令和8年2月30日', 'request.k1': 'false', 'request.k3': 'true' }), subjectIds: [], moneyOrders: [{ faceValue: 1000 }], earlierCases: [{ caseNo: '2026-0001', receivedOn: '2026-01-01', kinds: ['K3'], outcome: 'closed' }] });
    expect(runChecklist(input).map((r) => r.ruleId)).toEqual(['I3', 'I4', 'D7', 'F1', 'R3']);
    expect(ids(input)).toEqual(['I3:fail', 'I4:fail', 'D7:pass', 'F1:needs_review', 'R3:needs_review']);
    expect(checklistOf(input).overall).toBe('fail');
  });

  it('the application date drives D1 through the form (era dates)', () => {
    const cert = { type: 'residence_certificate' as const, name: '山田太郎', address: '東京都新宿区西早稲田2-20-15', issuedOn: '2028-02-29' };
    const at = (date: string) => ids(completeInput({ fields: completeFields({ 'application.date': date }), subjectIds: [cert] }))[1];
    expect(at('令和10年3月31日')).toBe('D1:pass');
    expect(at('令和10年4月1日')).toBe('D1:fail');
  });

  it('worst/best order the statuses', () => {
    expect(worst([])).toBe('pass');
    expect(worst(['pass', 'needs_review'])).toBe('needs_review');
    expect(worst(['needs_review', 'fail', 'pass'])).toBe('fail');
    expect(best([])).toBe('fail');
    expect(best(['fail', 'needs_review'])).toBe('needs_review');
  });
});

describe('I4 resubmission: the new set alone', () => {
  it('is judged exactly like a first application', () => {
    const set = completeInput({ moneyOrders: [] });
    expect(checkResubmission(set)).toEqual(checklistOf(set));
  });

  it('a new set without the ID fails even though the first set had one', () => {
    const first = completeInput({ moneyOrders: [] }); // fee missing
    expect(checklistOf(first).overall).toBe('fail');
    const resent = completeInput({ subjectIds: [] }); // only the money order re-sent
    const r = checkResubmission(resent);
    expect(r.overall).toBe('fail');
    expect(r.results.map((x) => `${x.ruleId}:${x.status}`)).toContain('I4:fail');
  });

  it('the documents are judged against the new application date', () => {
    const cert = { type: 'residence_certificate' as const, name: '山田太郎', address: '東京都新宿区西早稲田2-20-15', issuedOn: '2026-02-28' };
    expect(checkResubmission(completeInput({ subjectIds: [cert] })).overall).toBe('pass');
    // re-sent a month later with a fresh form but the old certificate
    expect(checkResubmission(completeInput({ fields: completeFields({ 'application.date': '令和8年4月30日' }), subjectIds: [cert] })).overall).toBe('fail');
  });
});

describe('deficiencyList (R5, I4)', () => {
  it('is null when nothing failed', () => {
    expect(deficiencyList(runChecklist(completeInput()))).toBeNull();
  });

  it('names exactly what is wrong and asks for the whole set', () => {
    const fields = completeFields({ 'subject.phone': '', 'application.date': '令和8年2月30日' });
    const input = completeInput({ fields, moneyOrders: [{ faceValue: 500 }] });
    const notice = deficiencyList(runChecklist(input), fields)!;
    expect(notice.problems.map((p) => p.ja)).toEqual([
      '電話番号が記入されていません。',
      '請求日「令和8年2月30日」は存在しない日付です（2月30日）。',
      '手数料として定額小為替 1,000円分',
    ]);
    expect(notice.problems[1]!.en).toContain('not a real calendar date');
    expect(notice.resend.map((r) => r.ja)).toEqual([
      '個人情報開示等請求書（全項目を記入し署名したもの）',
      expect.stringContaining('本人確認書類の写し1点'),
      '手数料として定額小為替1,000円分',
    ]);
    expect(notice.instruction).toEqual(RESEND_INSTRUCTION);
    expect(notice.instruction.ja).toContain('書類一式');
    expect(notice.pendingReview).toEqual(['D2']); // validity cannot be judged without the date
  });

  it('always asks for the whole set even when one piece is missing', () => {
    const fields = completeFields({ 'applicant.type': 'appointed', 'agent.kana': 'スズキ', 'agent.name': '鈴木', 'agent.postalCode': '1', 'agent.address': '東京都千代田区千代田1-1', 'agent.phone': '1' });
    const notice = deficiencyList(runChecklist(completeInput({ fields, agentIds: [] , agentProofs: [{ type: 'power_of_attorney' }] })), fields)!;
    expect(notice.problems).toHaveLength(1);
    expect(notice.problems[0]!.ja).toContain('代理人の本人確認書類');
    expect(notice.resend.map((r) => r.ja)).toEqual([
      expect.stringContaining('請求書'),
      expect.stringContaining('本人確認書類'),
      '委任状1通',
      '代理人の本人確認書類の写し1点',
      '手数料として定額小為替1,000円分',
    ]);
  });

  it('required set by kind and applicant type', () => {
    const free = requiredDocuments(completeFields({ 'request.k1': 'false', 'request.k4': 'true' }));
    expect(free.map((r) => r.ja).join()).not.toContain('定額小為替');
    const statutory = requiredDocuments(completeFields({ 'applicant.type': 'statutory' })).map((r) => r.ja);
    expect(statutory).toContain('代理人の本人確認書類の写し1点');
    expect(statutory.join()).toContain('戸籍謄本');
    expect(requiredDocuments().length).toBe(4); // form, ID, agent (conditional), fee (conditional)
  });

  it('does not repeat the same problem twice', () => {
    const r = runChecklist(completeInput({ subjectIds: [] }));
    const notice = deficiencyList([...r, ...r])!;
    expect(notice.problems).toHaveLength(1);
  });
});
