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
import { contractSchema, contractValidate } from '../../renderer/src/ui/contractForm';

beforeAll(async () => {
  await i18n.init({ lng: 'ja', resources: { ja: { translation: { forms: trashJa.forms } } } });
});

const RULE_NAMES = /^(text|postal_code|login|token)$/;
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
});
