import { describe, expect, it } from 'vitest';
import { FIELDS, type FieldName } from '../../shared/domain/application-form';
import { checkCompleteness } from '../../shared/domain/verification';
import { completeFields } from './verification-fixtures';

const missingFields = (fields: Partial<Record<FieldName, string>>) =>
  (checkCompleteness(fields).findings ?? []).filter((f) => f.status === 'fail').map((f) => f.field);

describe('I3 completeness of the application form', () => {
  it('a complete self application passes', () => {
    expect(checkCompleteness(completeFields())).toMatchObject({ ruleId: 'I3', status: 'pass' });
  });

  const always = FIELDS.filter((f) => f.required === 'always').map((f) => f.name);
  it.each(always)('"always" field %s left blank fails and is named', (name) => {
    const r = checkCompleteness(completeFields({ [name]: '' }));
    expect(r.status).toBe('fail');
    expect(missingFields(completeFields({ [name]: '' }))).toEqual([name]);
    const f = FIELDS.find((x) => x.name === name)!;
    const finding = r.findings!.find((x) => x.field === name)!;
    expect(finding.message.ja.length).toBeGreaterThan(0);
    expect(finding.message.en).toMatch(/missing/);
    if (name !== 'subject.postalCode') expect(finding.message.ja).toContain(f.label);
  });

  it('a field that is only spaces counts as blank', () => {
    expect(missingFields(completeFields({ 'subject.name': ' \u3000 ' }))).toEqual(['subject.name']);
  });

  const ifAgent = FIELDS.filter((f) => f.required === 'ifAgent').map((f) => f.name);
  it('agent fields are not needed for a self application', () => {
    expect(ifAgent.length).toBe(5);
    const blank = Object.fromEntries(ifAgent.map((n) => [n, '']));
    expect(checkCompleteness(completeFields(blank)).status).toBe('pass');
  });
  it.each(['statutory', 'appointed'])('agent fields are needed when applicant.type is %s', (type) => {
    expect(missingFields(completeFields({ 'applicant.type': type }))).toEqual(ifAgent);
    const filled = Object.fromEntries(ifAgent.map((n) => [n, 'x']));
    expect(checkCompleteness(completeFields({ 'applicant.type': type, ...filled })).status).toBe('pass');
  });

  it('the agent address message says whose address it is', () => {
    const r = checkCompleteness(completeFields({ 'applicant.type': 'appointed' }));
    const m = r.findings!.find((f) => f.field === 'agent.address')!.message;
    expect(m.ja).toBe('代理人の住所が記入されていません。');
    expect(m.en).toBe("Agent's address is missing.");
  });

  it('a choice outside the options fails', () => {
    const r = checkCompleteness(completeFields({ 'applicant.type': 'friend' }));
    expect(r.findings).toContainEqual(expect.objectContaining({ field: 'applicant.type', code: 'invalid_choice' }));
  });

  it('at least one request kind must be ticked', () => {
    const none = completeFields({ 'request.k1': 'false' });
    expect(checkCompleteness(none).findings).toContainEqual(expect.objectContaining({ code: 'no_request_kind', status: 'fail' }));
    for (const k of [1, 2, 3, 4, 5, 6]) {
      const one = completeFields({ 'request.k1': 'false', [`request.k${k}`]: 'true', 'request.reason': '誤り' });
      expect(checkCompleteness(one).status).toBe('pass');
    }
  });

  it.each([
    ['request.k3', 'fail'],
    ['request.k4', 'fail'],
    ['request.k5', 'fail'],
    ['request.k2', 'pass'],
    ['request.k6', 'pass'],
  ])('request.reason blank with %s ticked -> %s', (kind, expected) => {
    const f = completeFields({ 'request.k1': 'false', [kind]: 'true', 'request.reason': '' });
    expect(checkCompleteness(f).status).toBe(expected);
    if (expected === 'fail') expect(missingFields(f)).toEqual(['request.reason']);
  });

  it.each([
    ['application.date', '令和8年2月30日', 'invalid_date', '存在しない日付'],
    ['application.date', '2026-02-29', 'invalid_date', '存在しない日付'],
    ['application.date', '平成31年5月1日', 'invalid_date', '平成の期間にない'],
    ['application.date', 'きのう', 'invalid_date', '読み取れません'],
    ['subject.birthDate', '昭和64年1月8日', 'invalid_date', '昭和の期間にない'],
    ['subject.birthDate', '', 'missing', '生年月日が記入されていません'],
  ] as const)('%s = "%s" -> %s', (field, value, code, ja) => {
    const r = checkCompleteness(completeFields({ [field]: value }));
    expect(r.status).toBe('fail');
    const f = r.findings!.find((x) => x.field === field)!;
    expect(f.code).toBe(code);
    expect(f.message.ja).toContain(ja);
  });

  it.each([
    ['平成31年4月30日', 'pass'],
    ['令和元年5月1日', 'pass'],
    ['R1.5.1', 'pass'],
  ])('era boundary date %s is readable', (date, expected) => {
    expect(checkCompleteness(completeFields({ 'application.date': date, 'subject.birthDate': '1980-01-01' })).status).toBe(expected);
  });

  it('a birth date after the application date fails', () => {
    const r = checkCompleteness(completeFields({ 'subject.birthDate': '令和8年4月1日' }));
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'birth_after_application', field: 'subject.birthDate' }));
    expect(checkCompleteness(completeFields({ 'subject.birthDate': '令和8年3月31日' })).status).toBe('pass');
  });

  it('lists every omission at once', () => {
    const r = checkCompleteness({});
    expect(r.status).toBe('fail');
    expect(new Set(missingFields({}))).toEqual(new Set([...always, 'request.k1']));
    expect(r.message.ja).toContain(`${r.findings!.length} 件`);
  });

  it('enclosure ticks and optional fields are not required', () => {
    const f = completeFields({ 'enclosure.moneyOrder': 'false', 'request.method': '', 'subject.accountId': '', 'request.target': '全部' });
    expect(checkCompleteness(f).status).toBe('pass');
  });
});
