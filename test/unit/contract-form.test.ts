/**
 * Forms validate with the contract's own schemas (#13 item 11c): for inputs nobody designed, the
 * form adapter (mantine-form-zod-resolver + localised messages) refuses exactly what the
 * dispatcher's schema refuses, on the same fields, and speaks Japanese, never a rule's name or
 * zod's English default.
 */
import fc from 'fast-check';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { trashJa } from '../../renderer/src/i18n/sections/trash';
import { contractSchema, contractValidate, focusFirstError, serverErrorPaths } from '../../renderer/src/ui/contractForm';
import { draftFieldOf } from '../../renderer/src/features/letters/draftForm';
import { hasForbiddenCharacters } from '../../shared/contract/input-text';
import { errorInfo } from '../../shared/errors';

beforeAll(async () => {
  await i18n.init({ lng: 'ja', resources: { ja: { translation: { forms: trashJa.forms } } } });
});

const RULE_NAMES = /^(text|postal_code|login|token|date|time|weak_passphrase|date_needed)$/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function expectSameVerdict(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, values: Record<string, unknown>) {
  const errors = contractValidate(schema as never)(values);
  const server = schema.safeParse(values);
  expect(Object.keys(errors).length === 0).toBe(server.success);
  if (!server.success) expect(new Set(Object.keys(errors))).toEqual(new Set(server.error!.issues.map((i) => i.path.join('.'))));
  for (const message of Object.values(errors)) {
    expect(message).not.toMatch(RULE_NAMES);
    expect(message).toMatch(JAPANESE);
  }
}

describe('contract schemas in forms', () => {
  it('staff.add: the form refuses exactly what the server refuses', () => {
    const schema = contractSchema('staff.add');
    expect(schema).toBe(contract['staff.add'].input);
    const str = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', ' ', 'hanako', 'Yamada Taro', '山田\u0007太郎', 'a'.repeat(81), 'correct horse battery staple'));
    fc.assert(
      fc.property(str, str, fc.constantFrom('administrator', 'clerk', 'auditor', 'boss'), str, (displayName, login, role, passphrase) => {
        expectSameVerdict(schema, { displayName, login, role, passphrase });
      }),
      { numRuns: 300 },
    );
  });

  it('settings: trash days, approval, repeat period as typed into number inputs and switches', () => {
    const schema = contractSchema('settings.update').pick({ trashDays: true, approvalRequired: true, repeatPeriodMonths: true }).required();
    const num = fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double({ min: -1, max: 500, noNaN: true }), fc.constant(''));
    fc.assert(
      fc.property(num, fc.oneof(fc.boolean(), fc.constant('yes')), num, (trashDays, approvalRequired, repeatPeriodMonths) => {
        expectSameVerdict(schema, { trashDays, approvalRequired, repeatPeriodMonths });
      }),
      { numRuns: 300 },
    );
  });

  it('letters.sendBack: an empty reason is refused in words', () => {
    const errors = contractValidate(contractSchema('letters.sendBack').pick({ reason: true }))({ reason: '   ' });
    expect(errors).toEqual({ reason: '入力してください。' });
  });

  it('a new passphrase: the length rule is the schema\'s own (newPassphrase), named at the field in words', () => {
    const schema = contractSchema('session.changePassphrase');
    // Lengths around the rule, counted in characters (a kanji or an emoji is one).
    const pass = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 14 }), fc.constantFrom('', 'short one', 'abcdefghijk', 'abcdefghijkl', '山田太郎山田太郎山田太', '山田太郎山田太郎山田太郎'));
    fc.assert(
      fc.property(pass, pass, (current, next) => {
        expectSameVerdict(schema, { current, next });
        const errors = contractValidate(schema)({ current, next });
        const long = [...next.normalize('NFC')].length >= 12;
        if (!long && next !== '' && !hasForbiddenCharacters(next)) expect(errors.next).toBe('パスフレーズは12文字以上にしてください。');
        if (long) expect(errors.next).not.toBe('パスフレーズは12文字以上にしてください。');
      }),
      { numRuns: 300 },
    );
    // The current passphrase is only compared: an old short one still opens the change.
    expect(contractValidate(schema)({ current: 'short', next: 'a long enough passphrase' })).toEqual({});
    for (const channel of ['vault.setup', 'vault.recover', 'staff.add', 'staff.resetPassphrase'] as const) {
      const shape = (contractSchema(channel) as unknown as { shape: Record<string, { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }> }).shape;
      const field = Object.keys(shape).find((k) => /passphrase/i.test(k))!;
      expect(shape[field]!.safeParse('eleven char').error?.issues.map((i) => i.message)).toEqual(['weak_passphrase']);
      expect(shape[field]!.safeParse('twelve chars').success).toBe(true);
    }
  });

  it('documents.record: by kind, so a wrong date is named at its own field, never at the whole', () => {
    const schema = contractSchema('documents.record');
    const date = fc.oneof(fc.constantFrom('', '2100-01-01', '1985-04-01', '昭和60年4月1日', 'R8.11.2', '令和8年13月1日', '1899-12-31', 'あした'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.constantFrom('id', 'agent_proof'), fc.constantFrom('subject', 'agent'), date, date, date, (kind, party, birthDate, issuedOn, validUntil) => {
        const values =
          kind === 'id'
            ? { caseId: 'c1', kind, party, type: 'drivers_license', name: '山田 太郎', address: '', birthDate, issuedOn, validUntil }
            : { caseId: 'c1', kind, party: 'agent', type: 'power_of_attorney', issuedOn };
        expectSameVerdict(schema, values);
        for (const path of Object.keys(contractValidate(schema)(values))) expect(path).toMatch(/^(birthDate|issuedOn|validUntil)$/);
      }),
      { numRuns: 300 },
    );
    expect(contractValidate(schema)({ caseId: 'c1', kind: 'id', party: 'subject', type: 'drivers_license', name: '', address: '', birthDate: '2100-01-01' })).toEqual({
      birthDate: '日付を確認してください（読めない日付か、ありえない日付です）。',
    });
  });

  it('contacts.log: postal code and time refused as the server refuses them, each at its field', () => {
    const schema = contractSchema('contacts.log');
    const postal = fc.oneof(fc.constantFrom('154-0015', '1540015', '12-345', '', '154-00150', '１５４－００１５'), fc.stringMatching(/^[0-9-]{0,9}$/));
    const time = fc.oneof(fc.constantFrom('10:15', '25:00', '9:15', '23:59', '24:00', '10:60'), fc.stringMatching(/^[0-9:]{1,5}$/));
    fc.assert(
      fc.property(postal, fc.option(time, { nil: undefined }), fc.constantFrom('', '佐藤 恵子'), (postalCode, contactedTime, name) => {
        const values = { channel: 'phone', contactedOn: '2026-12-01', name, postalCode, address: '東京都', ...(contactedTime === undefined ? {} : { contactedTime }) };
        expectSameVerdict(schema, values);
      }),
      { numRuns: 300 },
    );
    expect(contractValidate(schema)({ channel: 'phone', contactedOn: '2026-12-01', contactedTime: '25:00', name: '佐藤', postalCode: '12-345', address: '東京都' })).toEqual({
      contactedTime: '時刻は 10:15 の形（24 時間）で入力してください。',
      postalCode: '郵便番号は 123-4567 の形で入力してください。',
    });
  });

  it('mail.recordDelivery: neither date is named at the delivery date', () => {
    const schema = contractSchema('mail.recordDelivery');
    expect(contractValidate(schema)({ id: 'm1' })).toEqual({ deliveredOn: '配達日か配達証明の受領日を入力してください。' });
    expect(contractValidate(schema)({ id: 'm1', proofReceivedOn: '2026-11-02' })).toEqual({});
  });

  it('a server refusal names its fields: INVALID_DATE by field, INVALID_INPUT by its issues, others none', () => {
    expect(serverErrorPaths(errorInfo('INVALID_DATE', { field: 'issuedOn', issues: [] }))).toEqual(['issuedOn']);
    expect(serverErrorPaths(errorInfo('INVALID_INPUT', { issues: [{ path: 'name', code: 'too_small' }, { path: 'name', code: 'custom' }, { path: 'postalCode', code: 'invalid_format' }] }))).toEqual(['name', 'postalCode']);
    expect(serverErrorPaths(errorInfo('DATE_IN_FUTURE', { fieldJa: '受領日', fieldEn: 'received date' }))).toEqual([]);
    expect(serverErrorPaths(errorInfo('WEAK_PASSPHRASE'))).toEqual([]);
  });

  it('a refused form focuses its first refused field in the page\'s order, whatever order the errors came in', () => {
    const paths = ['arrivedOn', 'delivery', 'applications', 'trackingNumber', 'note'];
    fc.assert(
      fc.property(fc.subarray(paths, { minLength: 1 }), fc.boolean(), (refused, reversed) => {
        const focused: string[] = [];
        const nodes = paths.map((p) => ({ getAttribute: () => p, focus: () => focused.push(p) }));
        const root = { querySelectorAll: () => nodes } as unknown as ParentNode;
        const order = reversed ? [...refused].reverse() : refused;
        focusFirstError(root, Object.fromEntries(order.map((p) => [p, '入力してください。'])));
        expect(focused).toEqual([paths.find((p) => refused.includes(p))]);
      }),
    );
    // No form element (a button outside one): nothing is focused, nothing throws.
    expect(() => focusFirstError(null, { name: 'x' })).not.toThrow();
  });

  it('a letter draft: an issue inside a paragraph, section or note is shown at its text box', () => {
    const schema = contractSchema('letters.update');
    const draft = { title: '通知', salutation: '拝啓', body: ['一', '二\u0007'], complimentaryClose: '敬具', itemsMarker: '記', sections: [{ heading: '見出し', items: ['\u202e項目'] }], notes: [], closing: '以上' };
    const errors = contractValidate(schema)({ id: 'l1', version: 1, draft, recipient: { postalCode: '12-345', address: '', name: '', honorific: '様' } });
    expect(Object.keys(errors).map(draftFieldOf).sort()).toEqual(['draft.body', 'draft.sections', 'recipient.name', 'recipient.postalCode']);
  });
});
